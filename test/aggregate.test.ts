import { BatchGetItemCommand, QueryCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { failureIdOf } from '@sdp/shared';
import { validateAggregationWindow, validateEnrichedEvent } from '../shared/src/generated/validators.js';
import { localDynamoDbClient, localKinesisClient } from '../local-cloud/src/clients.js';
import { dynamoDbWindowCounter } from '../services/aggregate/src/adapters/windowCounter.js';
import { aggregateBatch } from '../services/aggregate/src/domain/aggregateBatch.js';
import type { EnrichedEvent, SourceRecord } from '../services/aggregate/src/domain/types.js';
import { NAMESPACES } from './support/namespaces.js';
import { readWholeStream } from './support/readWholeStream.js';
import { CLOUD_START_TIMEOUT_MS, startTestCloud, type OwnTestCloud } from './support/startTestCloud.js';

const ENRICHED_EVENTS_STREAM = 'sdp-enrich-local-enriched-events';
const AGGREGATIONS_TABLE = 'sdp-aggregate-local-aggregations';
const COUNTED_EVENTS_TABLE = 'sdp-aggregate-local-counted-events';
const RETENTION_MS = 2880 * 60_000;
const AGGREGATES_STREAM = 'sdp-aggregate-local-aggregates';
const AGGREGATE_WINDOWS_FUNCTION = 'sdp-aggregate-local-aggregateWindows';
const FAILED_EVENTS_TABLE = 'sdp-ops-local-failed-events';
/** The streams and tables carry other suites' events too: this suite's are those of its transactions and campaigns. */
const { txPrefix: TX_PREFIX, campaigns: CAMPAIGNS } = NAMESPACES.aggregate;
const isOwnCampaign = (campaignItemId: number) => (CAMPAIGNS as readonly number[]).includes(campaignItemId);
/** A test that waits for the pipeline, beside other suites' traffic on 2 cores. */
const PIPELINE_TEST_TIMEOUT_MS = 180_000;
/** Event times lie in the past, in six one-minute windows from here. */
const FIRST_MINUTE = Date.parse('2025-06-01T10:00:00.000Z');
const TYPES = ['bid', 'bid', 'imp', 'bid', 'imp', 'click', 'bid'] as const;

interface Counts {
  campaign_item_id: number;
  window_start: string;
  window_end: string;
  window_day: string;
  period_minutes: number;
  bids: number;
  impressions: number;
  clicks: number;
  spend: number;
}

/** The n-th test event: campaigns, minutes and seconds spread so that every window gets a mix; n = 60k lands on a boundary. */
function eventNumber(n: number): EnrichedEvent {
  const type = TYPES[n % TYPES.length]!;
  const at = FIRST_MINUTE + (Math.floor(n / CAMPAIGNS.length) % 6) * 60_000 + ((n * 13) % 60) * 1000 + (n % 3 === 1 ? 999 : 0);
  return {
    schema_version: 1,
    type,
    event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    event_time: new Date(at).toISOString(),
    tx_id: `${TX_PREFIX}${n}`,
    app_uid: `user-${n % 11}`,
    campaign_item_id: CAMPAIGNS[n % CAMPAIGNS.length]!,
    domain: 'news.example.com',
    ...(type === 'imp' ? { win_price: 10 + (n % 17) } : {}),
  };
}

/** What the table must hold for these events, computed without the service's code: 1-minute windows cut from the ISO text. */
function expectedWindows(events: readonly EnrichedEvent[]): Record<string, Counts> {
  const windows: Record<string, Counts> = {};
  for (const event of events) {
    const minute = event.event_time.slice(0, 16);
    const key = `${event.campaign_item_id} ${minute}`;
    const next = new Date(Date.parse(`${minute}:00.000Z`) + 60_000).toISOString();
    windows[key] ??= {
      campaign_item_id: event.campaign_item_id,
      window_start: `${minute}:00.000Z`,
      window_end: next,
      window_day: minute.slice(0, 10),
      period_minutes: 1,
      bids: 0,
      impressions: 0,
      clicks: 0,
      spend: 0,
    };
    const window = windows[key];
    if (event.type === 'bid') window.bids++;
    if (event.type === 'imp') {
      window.impressions++;
      window.spend += event.win_price!;
    }
    if (event.type === 'click') window.clicks++;
  }
  return Object.fromEntries(Object.entries(windows).sort(([a], [b]) => a.localeCompare(b)));
}

/** Every window of the suite's campaigns (no other suite writes them) by campaign and window minute, without `updated_at`. */
async function readTable(dynamoDb: DynamoDBClient): Promise<{ windows: Record<string, Counts> }> {
  const windows: Record<string, Counts> = {};
  for (const campaignItemId of CAMPAIGNS) {
    const { Items = [] } = await dynamoDb.send(
      new QueryCommand({
        TableName: AGGREGATIONS_TABLE,
        KeyConditionExpression: 'campaign_item_id = :campaign',
        ExpressionAttributeValues: { ':campaign': { N: String(campaignItemId) } },
        ConsistentRead: true,
      }),
    );
    for (const item of Items.map((raw) => unmarshall(raw))) {
      const { updated_at: _updatedAt, ...counts } = item as Counts & { updated_at: string };
      windows[`${counts.campaign_item_id} ${counts.window_start.slice(0, 16)}`] = counts;
    }
  }
  return { windows: Object.fromEntries(Object.entries(windows).sort(([a], [b]) => a.localeCompare(b))) };
}

/** Every counted event of the suite's transactions (keys `<tx_id>#<type>`): `expires_at` by event key. */
async function readCountedEvents(dynamoDb: DynamoDBClient): Promise<Map<string, number>> {
  const counted = new Map<string, number>();
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await dynamoDb.send(
      new ScanCommand({
        TableName: COUNTED_EVENTS_TABLE,
        FilterExpression: 'begins_with(event_key, :prefix)',
        ExpressionAttributeValues: { ':prefix': { S: TX_PREFIX } },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of (page.Items ?? []).map((raw) => unmarshall(raw))) counted.set(item.event_key as string, item.expires_at as number);
    ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
  } while (ExclusiveStartKey);
  return counted;
}

/** The sequence numbers of those `records` that aggregateWindows set aside in the failed-events store (failed too often, or invalid). */
async function setAsideByAggregateWindows(dynamoDb: DynamoDBClient, records: readonly SourceRecord[]): Promise<string[]> {
  const setAside: string[] = [];
  for (let i = 0; i < records.length; i += 100) {
    const Keys = records.slice(i, i + 100).map(({ shardId, sequenceNumber }) => ({ failure_id: { S: failureIdOf(AGGREGATE_WINDOWS_FUNCTION, shardId, sequenceNumber) } }));
    const { Responses = {}, UnprocessedKeys = {} } = await dynamoDb.send(new BatchGetItemCommand({ RequestItems: { [FAILED_EVENTS_TABLE]: { Keys, ConsistentRead: true } } }));
    if (Object.keys(UnprocessedKeys).length > 0) throw new Error('The failed-events store left keys unread; read fewer at once.');
    for (const item of (Responses[FAILED_EVENTS_TABLE] ?? []).map((raw) => unmarshall(raw))) {
      if (item.status === 'failed') setAside.push(item.sequence_number as string);
    }
  }
  return setAside;
}

/** Writes events to the enriched stream as enrich does (partition key campaign_item_id) and returns them as the function receives them. */
async function putEnriched(kinesis: KinesisClient, events: readonly EnrichedEvent[]): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for (let i = 0; i < events.length; i += 500) {
    const chunk = events.slice(i, i + 500).map((event) => ({ PartitionKey: String(event.campaign_item_id), Data: Buffer.from(JSON.stringify(event)) }));
    const { Records = [] } = await kinesis.send(new PutRecordsCommand({ StreamName: ENRICHED_EVENTS_STREAM, Records: chunk }));
    Records.forEach((entry, j) => {
      if (entry.ErrorCode) throw new Error(`PutRecords refused an event: ${entry.ErrorCode}`);
      records.push({ shardId: entry.ShardId!, sequenceNumber: entry.SequenceNumber!, data: Buffer.from(chunk[j]!.Data).toString('utf8') });
    });
  }
  return records;
}

/** Records per shard in stream order, as Lambda would batch them. */
function byShard(records: readonly SourceRecord[]): SourceRecord[][] {
  const shards = new Map<string, SourceRecord[]>();
  for (const record of records) shards.set(record.shardId, [...(shards.get(record.shardId) ?? []), record]);
  return [...shards.values()].map((list) => list.sort((a, b) => (BigInt(a.sequenceNumber) < BigInt(b.sequenceNumber) ? -1 : 1)));
}

describe('aggregate through the local cloud', () => {
  let cloud: OwnTestCloud;
  let kinesis: KinesisClient;
  let dynamoDb: DynamoDBClient;
  const firstEvents = Array.from({ length: 300 }, (_, n) => eventNumber(n));
  const newEvents = Array.from({ length: 40 }, (_, n) => eventNumber(300 + n));
  let firstRecords: SourceRecord[] = [];
  /** Records the aggregateWindows trigger delivered: on a cloud of the suite's own, exactly the suite's records */
  const delivered = () => cloud.mappings.find((m) => m.functionName === AGGREGATE_WINDOWS_FUNCTION)!.mapping.stats().delivered;
  const directly = (records: SourceRecord[]) =>
    aggregateBatch(records, {
      counter: dynamoDbWindowCounter(dynamoDb, { aggregations: AGGREGATIONS_TABLE, countedEvents: COUNTED_EVENTS_TABLE }),
      periodMinutes: 1,
      retentionMs: RETENTION_MS,
      now: () => new Date(),
      log: () => undefined,
    });

  beforeAll(async () => {
    cloud = await startTestCloud();
    kinesis = localKinesisClient(cloud.kinesisEndpoint);
    dynamoDb = localDynamoDbClient(cloud.dynamoDbEndpoint);
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    kinesis?.destroy();
    dynamoDb?.destroy();
    await cloud?.dispose();
  }, 60_000);

  /*
   * This suite keeps a cloud of its own: it asserts that the aggregateWindows trigger delivered each
   * of its records exactly once (the trigger's counter), which a second delivery could not show in
   * any table, and a shared cloud's counter counts every suite's records. It still keeps to its own
   * ids, so it could move to the shared cloud with that one assertion given up.
   */

  it('counts a few hundred enriched events into exact per-campaign windows', async () => {
    // Prepare
    expect(firstEvents.every((event) => validateEnrichedEvent(event))).toBe(true);
    const expected = expectedWindows(firstEvents);

    // Act
    const startedAt = Date.now();
    firstRecords = await putEnriched(kinesis, firstEvents);
    await cloud.waitForIdle();
    const table = await readTable(dynamoDb);
    const counted = await readCountedEvents(dynamoDb);

    // Assess
    expect(Object.keys(expected)).toHaveLength(CAMPAIGNS.length * 6);
    expect(table.windows).toStrictEqual(expected);
    expect([...counted.keys()].sort()).toStrictEqual(firstEvents.map((event) => `${event.tx_id}#${event.type}`).sort());
    const expiry = { from: Math.floor((startedAt + RETENTION_MS) / 1000), to: Math.ceil((Date.now() + RETENTION_MS) / 1000) };
    expect([...counted.values()].filter((expiresAt) => expiresAt < expiry.from || expiresAt > expiry.to)).toStrictEqual([]);
  }, PIPELINE_TEST_TIMEOUT_MS);

  it('changes nothing when the same records are applied again with their sequence numbers', async () => {
    // Prepare
    const before = await readTable(dynamoDb);

    // Act
    const outcomes = [];
    for (const shard of byShard(firstRecords)) outcomes.push(await directly(shard));

    // Assess
    expect(outcomes.reduce((sum, o) => ({ counted: sum.counted + o.counted, duplicates: sum.duplicates + o.duplicates, failures: sum.failures + o.batchItemFailures.length }), { counted: 0, duplicates: 0, failures: 0 })).toStrictEqual({
      counted: 0,
      duplicates: firstEvents.length,
      failures: 0,
    });
    expect(await readTable(dynamoDb)).toStrictEqual(before);
  });

  it('counts only the new records of a re-delivered suffix mixed with new ones, however often they arrive', async () => {
    // Prepare: the new events go to the stream (so the function sees them too) and are re-applied here with the
    // second half of what each shard already delivered
    const expected = expectedWindows([...firstEvents, ...newEvents]);
    const newRecords = await putEnriched(kinesis, newEvents);
    const redelivery = byShard([...firstRecords, ...newRecords]).map((shard) => shard.slice(Math.floor(shard.length / 2)));

    // Act
    const outcomes = [];
    for (const shard of redelivery) outcomes.push(await directly(shard));
    for (const shard of redelivery) outcomes.push(await directly(shard));
    await cloud.waitForIdle();
    const table = await readTable(dynamoDb);
    const setAside = await setAsideByAggregateWindows(dynamoDb, [...firstRecords, ...newRecords]);

    // Assess
    expect(outcomes.every((o) => o.batchItemFailures.length === 0 && o.invalid === 0)).toBe(true);
    expect(outcomes.slice(redelivery.length).map((o) => o.counted)).toStrictEqual(redelivery.map(() => 0));
    expect(delivered()).toBe(firstEvents.length + newEvents.length);
    expect(setAside).toStrictEqual([]);
    expect(table.windows).toStrictEqual(expected);
  }, PIPELINE_TEST_TIMEOUT_MS);

  it('counts nothing again when enrich re-emits counted events as new records', async () => {
    // Prepare: a crash of enrich between its PutRecords and storing its join state writes the same
    // enriched events again, with new sequence numbers (ADR 0006)
    const before = await readTable(dynamoDb);
    const reEmitted = firstEvents.slice(0, 90);
    const deliveredBefore = delivered();

    // Act
    const copies = await putEnriched(kinesis, reEmitted);
    await cloud.waitForIdle();
    const setAside = await setAsideByAggregateWindows(dynamoDb, copies);
    const outcomes = [];
    for (const shard of byShard(copies)) outcomes.push(await directly(shard));

    // Assess
    expect(copies.every((copy) => !firstRecords.some((first) => first.shardId === copy.shardId && first.sequenceNumber === copy.sequenceNumber))).toBe(true);
    expect(delivered()).toBe(deliveredBefore + reEmitted.length);
    expect(setAside).toStrictEqual([]);
    expect(outcomes.reduce((sum, o) => ({ counted: sum.counted + o.counted, duplicates: sum.duplicates + o.duplicates, failures: sum.failures + o.batchItemFailures.length }), { counted: 0, duplicates: 0, failures: 0 })).toStrictEqual({
      counted: 0,
      duplicates: reEmitted.length,
      failures: 0,
    });
    expect(await readTable(dynamoDb)).toStrictEqual(before);
    expect((await readCountedEvents(dynamoDb)).size).toBe(firstEvents.length + newEvents.length);
  }, PIPELINE_TEST_TIMEOUT_MS);

  it('publishes every changed window to the aggregates stream as an AggregationWindow', async () => {
    // Prepare
    const { windows } = await readTable(dynamoDb);
    // Counts only grow, so the version of a window with the most events is its newest.
    type Published = { campaign_item_id: number; window_start: string; updated_at: string; bids: number; impressions: number; clicks: number };
    const events = (w: Published) => w.bids + w.impressions + w.clicks;
    const latest = (records: { data: unknown }[]) => {
      const byWindow = new Map<string, Published>();
      for (const { data } of records) {
        const window = data as Published;
        const key = `${window.campaign_item_id} ${window.window_start.slice(0, 16)}`;
        const seen = byWindow.get(key);
        if (!seen || events(seen) < events(window)) byWindow.set(key, window);
      }
      return Object.fromEntries([...byWindow].sort(([a], [b]) => a.localeCompare(b)));
    };
    const withoutUpdatedAt = (windows: Record<string, Published>) =>
      Object.fromEntries(Object.entries(windows).map(([key, { updated_at: _at, ...rest }]) => [key, rest]));
    const published = (counts: Counts) => {
      const { window_day: _day, period_minutes: _period, ...window } = counts;
      return window;
    };
    const expected = Object.fromEntries(Object.entries(windows).map(([key, counts]) => [key, published(counts)]));

    // Act
    await cloud.waitForIdle();
    const records = (await readWholeStream(kinesis, AGGREGATES_STREAM)).filter((record) => isOwnCampaign((record.data as Published).campaign_item_id));

    // Assess
    expect(records.filter((record) => !validateAggregationWindow(record.data))).toStrictEqual([]);
    expect(records.every((record) => record.partitionKey === String((record.data as Published).campaign_item_id))).toBe(true);
    expect(withoutUpdatedAt(latest(records))).toStrictEqual(expected);
  }, PIPELINE_TEST_TIMEOUT_MS);
});
