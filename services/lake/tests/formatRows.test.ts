import { formatRows } from '../src/domain/formatRows.js';

const RESULT = {
  columns: [
    { name: 'domain', type: 'VARCHAR' },
    { name: 'bids', type: 'BIGINT' },
  ],
  rows: [
    { domain: 'news.example.com', bids: 12 },
    { domain: 'a "quoted", domain', bids: 3 },
    { domain: null, bids: 100 },
  ],
};

describe('formatRows', () => {
  it('aligns a table with numbers on the right', () => {
    // Act / Assess
    expect(formatRows(RESULT, 'table')).toBe(
      [
        'domain              bids',
        '──────────────────  ────',
        'news.example.com      12',
        'a "quoted", domain     3',
        '                     100',
      ].join('\n'),
    );
  });

  it('quotes CSV fields that need it', () => {
    // Act / Assess
    expect(formatRows(RESULT, 'csv')).toBe('domain,bids\nnews.example.com,12\n"a ""quoted"", domain",3\n,100');
  });

  it('prints JSON rows', () => {
    // Act / Assess
    expect(JSON.parse(formatRows(RESULT, 'json'))).toStrictEqual(RESULT.rows);
  });
});
