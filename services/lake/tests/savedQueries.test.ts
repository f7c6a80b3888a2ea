import { parseQueryRequest } from '../src/domain/parseQueryRequest.js';
import { renderSavedQuery } from '../src/domain/renderSavedQuery.js';
import { savedQueriesIn } from '../src/domain/savedQueries.js';
import { assertReadOnlyStart } from '@sdp/shared-lake';

const NOW = new Date('2026-11-22T07:00:00.000Z');
const saved = (name: string) => savedQueriesIn('trino').find((query) => query.name === name)!;

describe('renderSavedQuery', () => {
  it('substitutes timestamps as literals both engines read and defaults from to 24 hours before to', () => {
    // Act
    const sql = renderSavedQuery(saved('funnel'), { to: '2026-11-22T09:30:00+02:00' }, NOW);

    // Assess
    expect(sql).toContain(
      "received_at >= TIMESTAMP '2026-11-21 07:30:00.000' AND received_at < TIMESTAMP '2026-11-22 07:30:00.000'",
    );
    expect(sql).not.toContain('{{');
  });

  it('applies number defaults', () => {
    // Act / Assess
    expect(renderSavedQuery(saved('top_creatives'), {}, NOW)).toMatch(/LIMIT 10$/);
  });

  it.each([
    [{ from: "2026-11-22'; DROP TABLE bids; --" }, "The parameter 'from' must be an ISO 8601 date-time"],
    [{ top: 'ten' }, 'The parameter \'top\' must be a non-negative whole number; got "ten".'],
    [{ top: 2.5 }, "The parameter 'top' must be a non-negative whole number; got 2.5."],
    [{ colour: 'red' }, "The saved query 'top_creatives' has no parameter 'colour'; its parameters: from, to, top."],
  ])('refuses %j', (params, message) => {
    // Act / Assess
    expect(() => renderSavedQuery(saved('top_creatives'), params, NOW)).toThrow(message);
  });
});

describe('parseQueryRequest', () => {
  it('passes SQL through with the default limit', () => {
    // Act / Assess
    expect(parseQueryRequest({ sql: 'SELECT 1' }, NOW, 'duckdb')).toStrictEqual({ sql: 'SELECT 1', limit: 1000 });
  });

  it.each([
    ['duckdb', 'received_at >= CAST(now() AS TIMESTAMP) - INTERVAL (30) SECOND\n'],
    ['trino', "received_at >= date_add('second', -(30), CAST(now() AS TIMESTAMP))\n"],
  ] as const)('renders a saved query by name in the SQL of its engine (%s)', (dialect, condition) => {
    // Act
    const request = parseQueryRequest({ saved: 'events_per_second', params: { seconds: 30 }, limit: 5 }, NOW, dialect);

    // Assess
    expect(request).toStrictEqual({ saved: 'events_per_second', limit: 5, sql: expect.stringContaining(condition) });
  });

  it.each([
    [{}, 'invalid_request', "Send exactly one of 'sql'"],
    [{ sql: 'SELECT 1', saved: 'funnel' }, 'invalid_request', "Send exactly one of 'sql'"],
    [{ sql: 'SELECT 1', params: { a: 1 } }, 'invalid_request', "'params' go with 'saved' only"],
    [{ saved: 'nope' }, 'invalid_request', "There is no saved query 'nope'"],
    [{ sql: 'SELECT 1', limit: 0 }, 'validation_failed', '$.limit must be >= 1'],
    [{ sql: '' }, 'validation_failed', '$.sql must NOT have fewer than 1 characters'],
    [{ sql: 'SELECT 1', extra: true }, 'validation_failed', '$.extra is not a known field'],
    ['SELECT 1', 'validation_failed', '$ must be object'],
  ])('refuses %j with %s', (body, code, message) => {
    // Act / Assess
    expect(() => parseQueryRequest(body, NOW, 'trino')).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(message) }),
    );
  });
});

describe('assertReadOnlyStart', () => {
  it.each(['SELECT 1', '  -- note\n/* a */ (WITH x AS (SELECT 1) SELECT * FROM x)', 'FROM bids', 'SELEC 1'])(
    'lets %j through to the engine',
    (sql) => {
      // Act / Assess
      expect(() => assertReadOnlyStart(sql)).not.toThrow();
    },
  );

  it.each([
    ['INSERT INTO bids SELECT * FROM bids', "The statement starts with 'INSERT'."],
    ['/* SELECT */ DELETE FROM bids', "The statement starts with 'DELETE'."],
    ['(\n  copy bids to x)', "The statement starts with 'COPY'."],
  ])('refuses %j', (sql, message) => {
    // Act / Assess
    expect(() => assertReadOnlyStart(sql)).toThrow(
      expect.objectContaining({ code: 'query_not_allowed', message: expect.stringContaining(message) }),
    );
  });
});
