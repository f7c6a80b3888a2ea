import { readdir } from 'node:fs/promises';
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand } from '@aws-sdk/client-kinesis';
import { localKinesisClient, toKinesisEventRecord } from '@sdp/local-cloud';
import { DERIVED_VIEWS } from '@sdp/shared-lake';
import { startTestCloud } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';
import { computeOracle, type AcceptedEvent, type Oracle } from './support/workload/computeOracle.js';
import { generateWorkload } from './support/workload/generateWorkload.js';
import {
  ORACLE_SETTINGS,
  oracleWorkload,
  SESSION_TIMEOUT_MINUTES,
  SHORT_SESSION_PARAMS,
} from './support/workload/oracleScenario.js';
import { postWorkload } from './support/workload/postWorkload.js';
import { oracleWindows } from './support/workload/readStoredWindows.js';

/*
 * The data lake against the same independent oracle as the streaming core: what lands in the Parquet
 * tables, what the saved queries answer, what re-delivery and compaction change (nothing), and how the
 * query endpoint refuses what it must not run.
 */
const LAKE_PARAMS = {
  ...SHORT_SESSION_PARAMS,
  lake: {
    lakeBatchWindowSeconds: '1',
    bidsSessionTimeoutMinutes: String(SESSION_TIMEOUT_MINUTES),
    clicksSessionTimeoutMinutes: String(SESSION_TIMEOUT_MINUTES),
    // Compaction runs when the test says so, and then also on the open hour the workload lands in.
    compactionSchedule: 'rate(7 days)',
    compactionSettleMinutes: '-120',
    queryTimeoutSeconds: '3',
  },
};
const LAND_RAW = 'sdp-lake-local-landRawEvents';
const COMPACT = 'sdp-lake-local-compactLake';

type Rows = Record<string, unknown>[];
const hourOf = (iso: string) => {
  const at = new Date(iso);
  return `${at.getUTCFullYear()}-${at.getUTCMonth() + 1}-${at.getUTCDate()}-${at.getUTCHours()}`;
};
/** Counts by key, as a plain sorted object. */
const tally = (keys: string[]) =>
  Object.fromEntries([...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort());

describe('the data lake against an independent oracle', () => {
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  let accepted: AcceptedEvent[];
  let oracle: Oracle;

  const post = (body: unknown) =>
    cloud.fetch('/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const query = async (body: Record<string, unknown>): Promise<Rows> => {
    const response = await post({ limit: 10_000, ...body });
    const result = (await response.json()) as { rows: Rows };
    if (response.status !== 200) throw new Error(`POST /query answered ${response.status}: ${JSON.stringify(result)}`);
    return result.rows;
  };
  /** Rows per table and partition, as `<table> <y-m-d-h>` → count. */
  const partitionCounts = async (tables: string[]) => {
    const sql = tables
      .map((t) => `SELECT '${t}' AS t, year, month, day, hour, count(*) AS n FROM ${t} GROUP BY ALL`)
      .join(' UNION ALL ');
    const rows = await query({ sql });
    return Object.fromEntries(rows.map((r) => [`${r.t} ${r.year}-${r.month}-${r.day}-${r.hour}`, r.n]).sort());
  };
  const rawCounts = () => partitionCounts(['bids', 'impressions', 'clicks']);
  const parquetFiles = async () =>
    (await readdir(cloud.objectStoreDir, { recursive: true })).filter((file) => file.endsWith('.parquet')).length;

  beforeAll(async () => {
    cloud = await startTestCloud(LAKE_PARAMS);
    accepted = await postWorkload(cloud, generateWorkload({ ...oracleWorkload(20261123), events: 8_000 }));
    oracle = computeOracle(accepted, ORACLE_SETTINGS);
    await waitForIdlePipeline(cloud);
    // The orphan views count an unjoined event once its session timeout has passed.
    const lastReceivedAt = Math.max(...accepted.map(({ receivedAt }) => Date.parse(receivedAt)));
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, lastReceivedAt + ORACLE_SETTINGS.bidsTimeoutMs + 500 - Date.now())),
    );
  }, 480_000);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('lands every accepted event in its raw table and hour partition', async () => {
    // Prepare
    const table = { bid: 'bids', imp: 'impressions', click: 'clicks' } as const;
    const expected = tally(accepted.map(({ event, receivedAt }) => `${table[event.type]} ${hourOf(receivedAt)}`));

    // Act / Assess
    expect(await rawCounts()).toStrictEqual(expected);
  });

  it('lands every joined impression and click, and nothing else, in the joined tables: once per transaction in the distinct views', async () => {
    // Prepare
    const expected = tally(
      oracle.transactions.flatMap(({ imp, click, impJoined, clickJoined }) => [
        ...(impJoined ? [`joined_impressions ${hourOf(imp!.receivedAt)}`] : []),
        ...(clickJoined ? [`joined_clicks ${hourOf(click!.receivedAt)}`] : []),
      ]),
    );

    // Act
    const distinct = await partitionCounts(['distinct_joined_impressions', 'distinct_joined_clicks']);
    const landed = await partitionCounts(['joined_impressions', 'joined_clicks']);

    // Assess: enrich emits at least once, so a retried batch may land a join's copy twice in the tables
    expect(
      Object.fromEntries(Object.entries(distinct).map(([key, n]) => [key.replace(/^distinct_/, ''), n])),
    ).toStrictEqual(expected);
    expect(Object.keys(landed)).toStrictEqual(Object.keys(expected));
    expect(Object.entries(landed).filter(([key, n]) => Number(n) < Number(expected[key]))).toStrictEqual([]);
  });

  it('keeps the latest version of every campaign window in the aggregates view', async () => {
    // Act
    const rows = await query({
      sql: 'SELECT campaign_item_id, window_start, bids, impressions, clicks, spend FROM aggregates',
    });

    // Assess
    const stored: Record<string, Record<string, unknown>> = {};
    for (const { campaign_item_id, window_start, ...counts } of rows) {
      stored[String(campaign_item_id)] = { ...stored[String(campaign_item_id)], [String(window_start)]: counts };
    }
    expect(stored).toStrictEqual(oracleWindows(oracle));
  });

  it('counts the orphans of the join as the oracle does', async () => {
    // Act
    const [counts] = await query({
      sql: 'SELECT (SELECT count(*) FROM orphan_impressions) AS impressions, (SELECT count(*) FROM orphan_clicks) AS clicks',
    });

    // Assess
    expect(counts).toStrictEqual({ impressions: oracle.orphanImpressions, clicks: oracle.orphanClicks });
    expect(oracle.orphanImpressions).toBeGreaterThan(0);
  });

  it('answers the funnel saved query with the oracle numbers per campaign and hour', async () => {
    // Prepare
    const expected: Record<string, { bids: number; impressions: number; clicks: number; spend: number }> = {};
    for (const [campaign, windows] of Object.entries(oracleWindows(oracle))) {
      for (const [windowStart, counts] of Object.entries(windows)) {
        const key = `${campaign} ${new Date(Math.floor(Date.parse(windowStart) / 3_600_000) * 3_600_000).toISOString()}`;
        const sum = (expected[key] ??= { bids: 0, impressions: 0, clicks: 0, spend: 0 });
        for (const field of ['bids', 'impressions', 'clicks', 'spend'] as const) sum[field] += counts[field];
      }
    }

    // Act
    const rows = await query({ saved: 'funnel' });

    // Assess
    const answered = Object.fromEntries(
      rows.map(({ campaign_item_id, hour, bids, impressions, clicks, spend }) => [
        `${campaign_item_id} ${hour}`,
        { bids, impressions, clicks, spend },
      ]),
    );
    expect(answered).toStrictEqual(expected);
  });

  it('answers win rate by domain and top creatives with the oracle numbers', async () => {
    // Prepare
    const byDomain = new Map<string, { bids: number; wins: number }>();
    const byCreative = new Map<string, { impressions: number; clicks: number }>();
    for (const { bid, impJoined, clickJoined } of oracle.transactions) {
      if (bid?.event.type !== 'bid') continue;
      const domain = byDomain.get(bid.event.domain) ?? { bids: 0, wins: 0 };
      byDomain.set(bid.event.domain, { bids: domain.bids + 1, wins: domain.wins + (impJoined ? 1 : 0) });
      if (!impJoined) continue;
      const creative = byCreative.get(bid.event.creative_id) ?? { impressions: 0, clicks: 0 };
      byCreative.set(bid.event.creative_id, {
        impressions: creative.impressions + 1,
        clicks: creative.clicks + (clickJoined ? 1 : 0),
      });
    }
    const top = [...byCreative]
      .sort(([a, x], [b, y]) => y.clicks - x.clicks || y.impressions - x.impressions || (a < b ? -1 : 1))
      .slice(0, 5)
      .map(([creative_id, counts]) => ({ creative_id, ...counts }));

    // Act
    const domains = await query({ saved: 'win_rate_by_domain' });
    const creatives = await query({ saved: 'top_creatives', params: { top: 5 } });

    // Assess
    expect(Object.fromEntries(domains.map(({ domain, bids, wins }) => [domain, { bids, wins }]))).toStrictEqual(
      Object.fromEntries(byDomain),
    );
    expect(
      creatives.map(({ creative_id, impressions, clicks }) => ({ creative_id, impressions, clicks })),
    ).toStrictEqual(top);
  });

  it('answers events per second and pipeline freshness with the accepted events', async () => {
    // Prepare
    const types = { bid: 'bid', imp: 'imp', click: 'click' } as const;
    const newest = (type: string) =>
      new Date(
        Math.max(
          ...accepted.filter(({ event }) => event.type === type).map(({ receivedAt }) => Date.parse(receivedAt)),
        ),
      ).toISOString();

    // Act
    const perSecond = await query({ saved: 'events_per_second', params: { seconds: 86_400 } });
    const freshness = await query({ saved: 'pipeline_freshness' });

    // Assess
    const eventsByType: Record<string, number> = {};
    for (const { type, events } of perSecond)
      eventsByType[String(type)] = (eventsByType[String(type)] ?? 0) + Number(events);
    expect(eventsByType).toStrictEqual(tally(accepted.map(({ event }) => types[event.type])));
    expect(
      freshness
        .filter(({ table_name }) => ['bids', 'impressions', 'clicks'].includes(String(table_name)))
        .map(({ table_name, newest_event }) => [table_name, new Date(String(newest_event)).toISOString()]),
    ).toStrictEqual([
      ['bids', newest('bid')],
      ['clicks', newest('click')],
      ['impressions', newest('imp')],
    ]);
  });

  it.each(DERIVED_VIEWS.map((view) => [view.name, view.columns] as const))(
    'answers the view %s with the columns and types it declares for Athena',
    async (name, columns) => {
      // Act
      const response = await post({ sql: `SELECT * FROM ${name}`, limit: 1 });

      // Assess
      expect({
        status: response.status,
        columns: ((await response.json()) as { columns: unknown }).columns,
      }).toStrictEqual({ status: 200, columns });
    },
  );

  it('adds no row when a batch of the raw stream is delivered again', async () => {
    // Prepare
    const before = await rawCounts();
    const event = await firstRecordsOfStream(cloud.kinesisEndpoint, 'sdp-ingest-local-raw-events', 2_000);

    // Act
    await cloud.pools.get(LAND_RAW)!.invoke(event);

    // Assess
    expect(await rawCounts()).toStrictEqual(before);
  });

  it('compacts every partition into one file, keeping every row exactly once, and still recognises re-deliveries', async () => {
    // Prepare
    const before = {
      raw: await rawCounts(),
      joined: await partitionCounts(['joined_impressions', 'joined_clicks', 'aggregate_changes']),
    };
    const filesBefore = await parquetFiles();
    const partitions = Object.keys({ ...before.raw, ...before.joined }).length;

    // Act
    await cloud.pools.get(COMPACT)!.invoke({});
    await cloud.pools
      .get(LAND_RAW)!
      .invoke(await firstRecordsOfStream(cloud.kinesisEndpoint, 'sdp-ingest-local-raw-events', 3_000));

    // Assess
    expect({
      raw: await rawCounts(),
      joined: await partitionCounts(['joined_impressions', 'joined_clicks', 'aggregate_changes']),
    }).toStrictEqual(before);
    expect(await parquetFiles()).toBe(partitions);
    expect(filesBefore).toBeGreaterThan(partitions);
  });

  it.each([
    [{ sql: 'SELEC count(*) FROM bids' }, 'invalid_query'],
    [{ sql: 'SELECT no_such_column FROM bids' }, 'invalid_query'],
    [{ sql: 'DROP TABLE bids' }, 'query_not_allowed'],
    [{ sql: "COPY (SELECT * FROM bids) TO '/tmp/stolen.csv'" }, 'query_not_allowed'],
    [{ sql: 'INSERT INTO bids SELECT * FROM bids' }, 'query_not_allowed'],
    [{ sql: "SELECT * FROM read_text('/etc/passwd')" }, 'query_not_allowed'],
    [{ sql: 'SELECT 1; DROP TABLE bids' }, 'query_not_allowed'],
    [{ sql: 'SELECT count(*) FROM range(1000000000000)' }, 'query_timeout'],
    [{ saved: 'drop_everything' }, 'invalid_request'],
    [{ sql: 'SELECT 1', limit: 100_000 }, 'validation_failed'],
  ])('answers %j with a 400 %s and keeps serving', async (body, code) => {
    // Act
    const response = await post(body);

    // Assess
    expect({ status: response.status, code: ((await response.json()) as { code: string }).code }).toStrictEqual({
      status: 400,
      code,
    });
    expect((await query({ sql: 'SELECT count(*) AS n FROM bids' }))[0]!.n).toBe(
      accepted.filter(({ event }) => event.type === 'bid').length,
    );
  });

  it('lists the saved queries', async () => {
    // Act
    const body = (await (await cloud.fetch('/query/saved')).json()) as { queries: { name: string; sql: string }[] };

    // Assess
    // In the SQL of the engine that runs them here, DuckDB's.
    expect(body.queries.find(({ name }) => name === 'events_per_second')!.sql).toContain(
      'CAST(now() AS TIMESTAMP) - INTERVAL ({{seconds}}) SECOND',
    );
    expect(body.queries.map(({ name }) => name)).toStrictEqual([
      'funnel',
      'win_rate_by_domain',
      'top_creatives',
      'events_per_second',
      'bot_traffic',
      'pipeline_freshness',
    ]);
  });
});

/** A Kinesis event of the first `count` records of the stream's first shard, as Lambda would deliver it again. */
async function firstRecordsOfStream(
  endpoint: string,
  streamName: string,
  count: number,
): Promise<{ Records: object[] }> {
  const kinesis = localKinesisClient(endpoint);
  try {
    const { Shards = [] } = await kinesis.send(new ListShardsCommand({ StreamName: streamName }));
    const shardId = Shards[0]!.ShardId!;
    const { ShardIterator } = await kinesis.send(
      new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const { Records = [] } = await kinesis.send(new GetRecordsCommand({ ShardIterator, Limit: count }));
    const arn = `arn:aws:kinesis:us-east-1:000000000000:stream/${streamName}`;
    const wire = Records.map((record) => ({
      SequenceNumber: record.SequenceNumber!,
      ApproximateArrivalTimestamp: record.ApproximateArrivalTimestamp!.getTime() / 1000,
      Data: Buffer.from(record.Data!).toString('base64'),
      PartitionKey: record.PartitionKey!,
    }));
    return { Records: wire.map((record) => toKinesisEventRecord(record, shardId, arn)) };
  } finally {
    kinesis.destroy();
  }
}
