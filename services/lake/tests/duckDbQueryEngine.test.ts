import { lakeFixture } from './support/lakeFixture.js';
import { rawRecord, windowRecord } from './support/records.js';
import { duckDbQueryEngine, type LakeQueryEngine } from '@sdp/shared';

const LIMITS = { maxRows: 100, timeoutMs: 10_000 };

describe('duckDbQueryEngine', () => {
  let lake: Awaited<ReturnType<typeof lakeFixture>>;
  let engine: LakeQueryEngine;

  beforeAll(async () => {
    lake = await lakeFixture();
    await lake.land('raw', [
      rawRecord(1, 'bid', '2026-11-22T06:10:00.000Z', { txId: 'a' }),
      rawRecord(2, 'bid', '2026-11-22T06:10:01.000Z', { txId: 'a' }),
      rawRecord(3, 'imp', '2026-11-22T06:10:02.000Z', { txId: 'b' }),
      rawRecord(4, 'bid', '2026-11-22T07:10:00.000Z', { txId: 'c' }),
    ]);
    await lake.land('aggregates', [
      windowRecord(5, '2026-11-22T06:10:00.000Z', { bids: 1, impressions: 0, clicks: 0, spend: 0 }),
      windowRecord(6, '2026-11-22T06:10:00.000Z', { bids: 2, impressions: 1, clicks: 0, spend: 90 }),
    ]);
    engine = duckDbQueryEngine(lake.dir, { bidsSessionTimeoutMs: 60_000, clicksSessionTimeoutMs: 60_000 });
  });

  afterAll(async () => {
    await engine.close();
    await lake.dispose();
  });

  it('reads the tables with their hive partition columns and JSON values', async () => {
    // Act
    const result = await engine.query('SELECT tx_id, received_at, campaign_item_id, hour FROM bids ORDER BY sequence_number', LIMITS);

    // Assess
    expect(result).toMatchObject({
      columns: [
        { name: 'tx_id', type: 'VARCHAR' },
        { name: 'received_at', type: 'TIMESTAMP' },
        { name: 'campaign_item_id', type: 'BIGINT' },
        { name: 'hour', type: 'INTEGER' },
      ],
      rows: [
        { tx_id: 'a', received_at: '2026-11-22T06:10:00.000Z', campaign_item_id: 7, hour: 6 },
        { tx_id: 'a', received_at: '2026-11-22T06:10:01.000Z', campaign_item_id: 7, hour: 6 },
        { tx_id: 'c', received_at: '2026-11-22T07:10:00.000Z', campaign_item_id: 7, hour: 7 },
      ],
      row_count: 3,
      truncated: false,
    });
  });

  it('derives distinct bids, the latest window version and orphans', async () => {
    // Act
    const result = await engine.query(
      `SELECT (SELECT count(*) FROM distinct_bids) AS bids,
              (SELECT bids || '/' || impressions || '/' || spend FROM aggregates) AS latest_window,
              (SELECT string_agg(tx_id) FROM orphan_impressions) AS orphans,
              (SELECT count(*) FROM joined_clicks) AS joined_clicks`,
      LIMITS,
    );

    // Assess
    expect(result.rows).toStrictEqual([{ bids: 2, latest_window: '2/1/90', orphans: 'b', joined_clicks: 0 }]);
  });

  it('returns at most the row limit and says so', async () => {
    // Act
    const result = await engine.query('SELECT * FROM range(10)', { ...LIMITS, maxRows: 4 });

    // Assess
    expect({ count: result.row_count, truncated: result.truncated, last: result.rows.at(-1) }).toStrictEqual({ count: 4, truncated: true, last: { range: 3 } });
  });

  it.each([
    ['DROP TABLE bids', 'query_not_allowed'],
    ["COPY bids TO '/tmp/stolen.csv'", 'query_not_allowed'],
    ['CREATE TABLE t AS SELECT 1', 'query_not_allowed'],
    ['SELECT 1; SELECT 2', 'query_not_allowed'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'query_not_allowed'],
    ["SET enable_external_access = true", 'query_not_allowed'],
    ['SELEC 1', 'invalid_query'],
    ['SELECT nope FROM bids', 'invalid_query'],
    ['SELECT * FROM no_such_table', 'invalid_query'],
  ])('refuses %s with %s', async (sql, code) => {
    // Act / Assess
    await expect(engine.query(sql, LIMITS)).rejects.toMatchObject({ statusCode: 400, code });
  });

  it('stops a query at the time limit', async () => {
    // Act / Assess
    await expect(engine.query('SELECT count(*) FROM range(1000000000000)', { ...LIMITS, timeoutMs: 300 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'query_timeout',
    });
  });
});
