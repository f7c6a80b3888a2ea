import { lakeFixture } from './support/lakeFixture.js';
import { rawRecord, windowRecord } from './support/records.js';
import { duckDbQueryEngine, type LakeQueryEngine } from '@sdp/shared-lake';

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
    engine = duckDbQueryEngine(lake.dir, {
      bidsSessionTimeoutMs: 60_000,
      clicksSessionTimeoutMs: 60_000,
      botEventsPerMinute: 120,
    });
  });

  afterAll(async () => {
    await engine.close();
    await lake.dispose();
  });

  it('reads the tables with their hive partition columns and JSON values', async () => {
    // Act
    const result = await engine.query(
      'SELECT tx_id, received_at, campaign_item_id, hour FROM bids ORDER BY sequence_number',
      LIMITS,
    );

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
    expect({ count: result.row_count, truncated: result.truncated, last: result.rows.at(-1) }).toStrictEqual({
      count: 4,
      truncated: true,
      last: { range: 3 },
    });
  });

  it.each([
    ['DROP TABLE bids', 'query_not_allowed'],
    ["COPY bids TO '/tmp/stolen.csv'", 'query_not_allowed'],
    ['CREATE TABLE t AS SELECT 1', 'query_not_allowed'],
    ['SELECT 1; SELECT 2', 'query_not_allowed'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'query_not_allowed'],
    ['SET enable_external_access = true', 'query_not_allowed'],
    ['SELEC 1', 'invalid_query'],
    ['SELECT nope FROM bids', 'invalid_query'],
    ['SELECT * FROM no_such_table', 'invalid_query'],
  ])('refuses %s with %s', async (sql, code) => {
    // Act / Assess
    await expect(engine.query(sql, LIMITS)).rejects.toMatchObject({ statusCode: 400, code });
  });

  it('refuses a result whose rows pass the byte cap', async () => {
    // Act / Assess
    await expect(
      engine.query("SELECT repeat('x', 1000) AS text FROM range(100)", { ...LIMITS, maxBytes: 50_000 }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'result_too_large',
    });
  });

  it('returns a result within the byte cap whole', async () => {
    // Act
    const result = await engine.query("SELECT repeat('x', 1000) AS text FROM range(10)", {
      ...LIMITS,
      maxBytes: 50_000,
    });

    // Assess
    expect({ count: result.row_count, truncated: result.truncated }).toStrictEqual({ count: 10, truncated: false });
  });

  it('runs within its memory limit and threads', async () => {
    // Prepare
    const limited = duckDbQueryEngine(
      lake.dir,
      { bidsSessionTimeoutMs: 60_000, clicksSessionTimeoutMs: 60_000, botEventsPerMinute: 120 },
      { memoryLimitMb: 100, threads: 1 },
    );

    // Act
    const result = await limited.query(
      "SELECT current_setting('memory_limit') AS memory_limit, current_setting('threads') AS threads",
      LIMITS,
    );
    await limited.close();

    // Assess
    expect(result.rows).toStrictEqual([{ memory_limit: '95.3 MiB', threads: 1 }]);
  });

  it('stops a query at the time limit', async () => {
    // Act / Assess
    await expect(
      engine.query('SELECT count(*) FROM range(1000000000000)', { ...LIMITS, timeoutMs: 300 }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'query_timeout',
    });
  });
});

describe('duckDbQueryEngine in a process of its own', () => {
  let lake: Awaited<ReturnType<typeof lakeFixture>>;
  let engine: LakeQueryEngine;

  beforeAll(async () => {
    lake = await lakeFixture();
    await lake.land('raw', [rawRecord(1, 'bid', '2026-11-22T06:10:00.000Z', { txId: 'a' })]);
    engine = duckDbQueryEngine(
      lake.dir,
      { bidsSessionTimeoutMs: 60_000, clicksSessionTimeoutMs: 60_000, botEventsPerMinute: 120 },
      { memoryLimitMb: 256, isolated: true },
    );
  });

  afterAll(async () => {
    await engine.close();
    await lake.dispose();
  });

  it('answers a query over the lake', async () => {
    // Act
    const result = await engine.query('SELECT tx_id, hour FROM bids', LIMITS);

    // Assess
    expect({
      columns: result.columns,
      rows: result.rows,
      row_count: result.row_count,
      truncated: result.truncated,
    }).toStrictEqual({
      columns: [
        { name: 'tx_id', type: 'VARCHAR' },
        { name: 'hour', type: 'INTEGER' },
      ],
      rows: [{ tx_id: 'a', hour: 6 }],
      row_count: 1,
      truncated: false,
    });
  });

  it('refuses a query that needs more memory than it may use, and answers the next one', async () => {
    // Act
    const runaway = engine.query("SELECT repeat('x', 100000000) AS text FROM range(10000)", {
      ...LIMITS,
      timeoutMs: 60_000,
    });
    await expect(runaway).rejects.toMatchObject({ statusCode: 400, code: 'query_out_of_memory' });
    const next = await engine.query(
      "SELECT count(*) AS n, sum(length(repeat('x', 10000))) AS characters FROM bids, range(100000)",
      LIMITS,
    );

    // Assess
    expect(next.rows).toStrictEqual([{ n: 100_000, characters: 1_000_000_000 }]);
  });

  it('stops a query at the time limit and answers the next one', async () => {
    // Act
    await expect(
      engine.query('SELECT count(*) FROM range(1000000000000)', { ...LIMITS, timeoutMs: 300 }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'query_timeout',
    });
    const next = await engine.query('SELECT 1 AS n', LIMITS);

    // Assess
    expect(next.rows).toStrictEqual([{ n: 1 }]);
  });

  it.each([
    ["COPY bids TO '/tmp/stolen.csv'", 'query_not_allowed'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'query_not_allowed'],
    ['SELECT 1; SELECT 2', 'query_not_allowed'],
    ['SELECT nope FROM bids', 'invalid_query'],
  ])('refuses %s with %s', async (sql, code) => {
    // Act / Assess
    await expect(engine.query(sql, LIMITS)).rejects.toMatchObject({ statusCode: 400, code });
  });
});
