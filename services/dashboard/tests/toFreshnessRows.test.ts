import { toFreshnessRows } from '../src/domain/toFreshnessRows.js';

describe('toFreshnessRows', () => {
  it('reads each lake table’s row, numbers sent as strings included, sorted by table', () => {
    // Prepare
    const rows = [
      {
        table_name: 'impressions',
        newest_event: '2026-11-22T06:00:01.000Z',
        lag_ms: '1200',
        landing_p50_ms: 900,
        landing_p95_ms: 2100,
        rows_last_5_min: '300',
      },
      {
        table_name: 'clicks',
        newest_event: null,
        lag_ms: null,
        landing_p50_ms: null,
        landing_p95_ms: null,
        rows_last_5_min: 0,
      },
    ];

    // Act
    const freshness = toFreshnessRows(rows);

    // Assess
    expect(freshness).toStrictEqual([
      { tableName: 'clicks', newestEvent: null, lagMs: null, landingP50Ms: null, landingP95Ms: null, rowsLast5Min: 0 },
      {
        tableName: 'impressions',
        newestEvent: '2026-11-22T06:00:01.000Z',
        lagMs: 1200,
        landingP50Ms: 900,
        landingP95Ms: 2100,
        rowsLast5Min: 300,
      },
    ]);
  });
});
