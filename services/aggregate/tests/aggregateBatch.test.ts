import { aggregateBatch, type AggregateBatchOptions } from '../src/domain/aggregateBatch.js';
import { padSequenceNumber } from '../src/domain/padSequenceNumber.js';
import type { SourceRecord, WindowTable } from '../src/domain/types.js';
import { enrichedEvent, SHARD_0, SHARD_1, sequenceOf, sourceRecord } from './support/enrichedEvents.js';
import { fakeWindowTable, type FakeItem, type FakeWindowTable } from './support/fakeWindowTable.js';

const NOW = new Date('2026-11-22T04:30:00.000Z');
const W1 = '2026-11-22T04:05:00.000Z';
const W2 = '2026-11-22T04:06:00.000Z';

/** The stored item of a 1-minute window starting at `windowStart`, with the given counts and markers. */
function windowItem(campaignItemId: number, windowStart: string, counts: Partial<FakeItem>, applied: Record<string, number>): FakeItem {
  return {
    campaign_item_id: campaignItemId,
    window_start: windowStart,
    bids: 0,
    impressions: 0,
    clicks: 0,
    spend: 0,
    ...counts,
    ...Object.fromEntries(Object.entries(applied).map(([shard, n]) => [`applied_${shard}`, padSequenceNumber(sequenceOf(n))])),
    window_end: new Date(Date.parse(windowStart) + 60_000).toISOString(),
    window_day: windowStart.slice(0, 10),
    period_minutes: 1,
    updated_at: NOW.toISOString(),
  };
}

/** A batch of one shard: campaign 1 in W1 (bid, imp, click) and W2 (bid), campaign 2 in W1 (bid, imp). */
function mixedBatch(shardId = SHARD_0, from = 0): SourceRecord[] {
  return [
    enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:01.000Z', type: 'bid', tx_id: 't1' }),
    enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-22T04:05:02.000Z', type: 'bid', tx_id: 't2' }),
    enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:03.000Z', type: 'imp', tx_id: 't1', win_price: 100 }),
    enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-22T04:05:04.000Z', type: 'imp', tx_id: 't2', win_price: 30 }),
    enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:06:00.000Z', type: 'bid', tx_id: 't3' }),
    enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:30.000Z', type: 'click', tx_id: 't1' }),
  ].map((event, i) => sourceRecord(from + i, event, shardId));
}

describe('aggregateBatch', () => {
  let table: FakeWindowTable;
  let logged: [string, Record<string, unknown>][];
  let options: AggregateBatchOptions;

  beforeEach(() => {
    table = fakeWindowTable();
    logged = [];
    options = { table, periodMinutes: 1, now: () => NOW, log: (message, data) => logged.push([message, data]) };
  });

  it('counts a batch into its windows with one marker per window', async () => {
    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 6, duplicates: 0, invalid: 0, failed: 0 });
    expect(table.items()).toStrictEqual({
      [`1 ${W1}`]: windowItem(1, W1, { bids: 1, impressions: 1, clicks: 1, spend: 100 }, { [SHARD_0]: 5 }),
      [`1 ${W2}`]: windowItem(1, W2, { bids: 1 }, { [SHARD_0]: 4 }),
      [`2 ${W1}`]: windowItem(2, W1, { bids: 1, impressions: 1, spend: 30 }, { [SHARD_0]: 3 }),
    });
  });

  it('counts a batch delivered twice once', async () => {
    // Prepare
    await aggregateBatch(mixedBatch(), options);
    const before = table.items();

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 0, duplicates: 6, invalid: 0, failed: 0 });
    expect(table.items()).toStrictEqual(before);
  });

  it('counts only the new records of a re-delivered suffix mixed with new ones', async () => {
    // Prepare: records 0-5 are counted; Lambda re-delivers from 3 and the next records follow
    await aggregateBatch(mixedBatch(), options);
    const next = [
      sourceRecord(6, enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:40.000Z', type: 'bid', tx_id: 't4' })),
      sourceRecord(7, enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-22T04:05:50.000Z', type: 'click', tx_id: 't2' })),
      sourceRecord(8, enrichedEvent({ campaign_item_id: 3, event_time: '2026-11-22T04:06:10.000Z', type: 'bid', tx_id: 't5' })),
    ];

    // Act
    const outcome = await aggregateBatch([...mixedBatch().slice(3), ...next], options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 3, duplicates: 3, invalid: 0, failed: 0 });
    expect(table.items()).toStrictEqual({
      [`1 ${W1}`]: windowItem(1, W1, { bids: 2, impressions: 1, clicks: 1, spend: 100 }, { [SHARD_0]: 6 }),
      [`1 ${W2}`]: windowItem(1, W2, { bids: 1 }, { [SHARD_0]: 4 }),
      [`2 ${W1}`]: windowItem(2, W1, { bids: 1, impressions: 1, clicks: 1, spend: 30 }, { [SHARD_0]: 7 }),
      [`3 ${W2}`]: windowItem(3, W2, { bids: 1 }, { [SHARD_0]: 8 }),
    });
  });

  it('counts both shards that update the same window, each with its own marker', async () => {
    // Prepare: after a reshard the same sequence numbers can occur on two shards
    const fromShard0 = mixedBatch(SHARD_0);
    const fromShard1 = mixedBatch(SHARD_1);

    // Act
    const outcomes = [await aggregateBatch(fromShard0, options), await aggregateBatch(fromShard1, options), await aggregateBatch(fromShard1, options)];

    // Assess
    expect(outcomes.map(({ counted, duplicates }) => ({ counted, duplicates }))).toStrictEqual([
      { counted: 6, duplicates: 0 },
      { counted: 6, duplicates: 0 },
      { counted: 0, duplicates: 6 },
    ]);
    expect(table.items()).toStrictEqual({
      [`1 ${W1}`]: windowItem(1, W1, { bids: 2, impressions: 2, clicks: 2, spend: 200 }, { [SHARD_0]: 5, [SHARD_1]: 5 }),
      [`1 ${W2}`]: windowItem(1, W2, { bids: 2 }, { [SHARD_0]: 4, [SHARD_1]: 4 }),
      [`2 ${W1}`]: windowItem(2, W1, { bids: 2, impressions: 2, spend: 60 }, { [SHARD_0]: 3, [SHARD_1]: 3 }),
    });
  });

  it('reports the lowest sequence number of the failed groups and counts the others', async () => {
    // Prepare: campaign 2 (records 1 and 3) is throttled
    table.failFor(2, Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ThrottlingException' }));

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [{ itemIdentifier: sequenceOf(1) }], counted: 4, duplicates: 0, invalid: 0, failed: 2 });
    expect(Object.keys(table.items())).toStrictEqual([`1 ${W1}`, `1 ${W2}`]);
    expect(logged).toStrictEqual([
      [
        'could not update a window; its records will be re-delivered',
        { campaignItemId: 2, windowStart: W1, shardId: SHARD_0, error: { name: 'ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' } },
      ],
    ]);
  });

  it('reports the lowest sequence number across several failed groups', async () => {
    // Prepare: both of campaign 1's windows fail (records 0, 2, 5 and 4)
    table.failFor(1, new Error('socket hang up'));

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome.batchItemFailures).toStrictEqual([{ itemIdentifier: sequenceOf(0) }]);
    expect([outcome.counted, outcome.failed]).toStrictEqual([2, 4]);
  });

  it('counts everything exactly once when Lambda re-delivers from the reported failure', async () => {
    // Prepare: the first delivery fails for campaign 2; Lambda resumes at its lowest record
    table.failFor(2, new Error('throttled'));
    const first = await aggregateBatch(mixedBatch(), options);
    table.clearFailures();
    const resumeAt = mixedBatch().findIndex((r) => r.sequenceNumber === first.batchItemFailures[0]!.itemIdentifier);

    // Act
    const outcome = await aggregateBatch(mixedBatch().slice(resumeAt), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 2, duplicates: 3, invalid: 0, failed: 0 });
    expect(table.items()).toStrictEqual({
      [`1 ${W1}`]: windowItem(1, W1, { bids: 1, impressions: 1, clicks: 1, spend: 100 }, { [SHARD_0]: 5 }),
      [`1 ${W2}`]: windowItem(1, W2, { bids: 1 }, { [SHARD_0]: 4 }),
      [`2 ${W1}`]: windowItem(2, W1, { bids: 1, impressions: 1, spend: 30 }, { [SHARD_0]: 3 }),
    });
  });

  it('counts once when a write succeeded but its acknowledgement was lost', async () => {
    // Prepare
    table.failFor(2, new Error('socket hang up'), { afterWrite: true });
    const first = await aggregateBatch(mixedBatch(), options);
    table.clearFailures();

    // Act
    const outcome = await aggregateBatch(mixedBatch().slice(1), options);

    // Assess
    expect(first.batchItemFailures).toStrictEqual([{ itemIdentifier: sequenceOf(1) }]);
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 0, duplicates: 5, invalid: 0, failed: 0 });
    expect(table.items()[`2 ${W1}`]).toStrictEqual(windowItem(2, W1, { bids: 1, impressions: 1, spend: 30 }, { [SHARD_0]: 3 }));
  });

  it('retries the slow path when another writer moves the marker between read and write', async () => {
    // Prepare: records 0-5 counted; on the first read of the re-delivery another writer counts record 6
    await aggregateBatch(mixedBatch(), options);
    const other = enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:45.000Z', type: 'click', tx_id: 't6' });
    const redelivery = [...mixedBatch().slice(2), sourceRecord(6, other), sourceRecord(7, enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: 't7' }))];
    let reads = 0;
    table.beforeRead = (key) => {
      if (reads++ > 0) return;
      table.write({
        ...key,
        windowEnd: W2,
        windowDay: '2026-11-22',
        periodMinutes: 1,
        increments: { bids: 0, impressions: 0, clicks: 1, spend: 0 },
        appliedThrough: padSequenceNumber(sequenceOf(6)),
        updatedAt: NOW.toISOString(),
      });
    };

    // Act
    const outcome = await aggregateBatch(redelivery, options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 1, duplicates: 5, invalid: 0, failed: 0 });
    expect(table.items()[`1 ${W1}`]).toStrictEqual(windowItem(1, W1, { bids: 2, impressions: 1, clicks: 2, spend: 100 }, { [SHARD_0]: 7 }));
  });

  it('gives up on a window whose marker keeps moving and reports its records', async () => {
    // Prepare: every conditional write finds the marker changed since it was read
    const calls: string[] = [];
    const conflicted: WindowTable = {
      addIfApplied: async (_, condition) => (calls.push('below' in condition ? 'fast write' : 'slow write'), false),
      readApplied: async () => (calls.push('read'), padSequenceNumber(sequenceOf(0))),
    };
    const records = [4, 5].map((n) => sourceRecord(n, enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: `t${n}` })));

    // Act
    const outcome = await aggregateBatch(records, { ...options, table: conflicted });

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [{ itemIdentifier: sequenceOf(4) }], counted: 0, duplicates: 0, invalid: 0, failed: 2 });
    expect(calls).toStrictEqual(['fast write', 'read', 'slow write', 'read', 'slow write', 'read', 'slow write']);
    expect(logged).toStrictEqual([
      [
        'could not update a window; its records will be re-delivered',
        {
          campaignItemId: 1,
          windowStart: W1,
          shardId: SHARD_0,
          error: { name: 'WindowUpdateConflictError', message: `Window 1 @ ${W1} kept changing under 3 conditional updates.` },
        },
      ],
    ]);
  });

  it('skips and logs records that are not valid enriched events, without failing the batch', async () => {
    // Prepare
    const records = [
      sourceRecord(0, enrichedEvent({ campaign_item_id: 1, event_time: W1 })),
      sourceRecord(1, 'not json'),
      sourceRecord(2, { ...enrichedEvent(), schema_version: 2 } as never),
      sourceRecord(3, { ...enrichedEvent(), campaign_item_id: -1 }),
    ];

    // Act
    const outcome = await aggregateBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 1, duplicates: 0, invalid: 3, failed: 0 });
    expect(logged.map(([message, { sequenceNumber, reason, violations }]) => [message, sequenceNumber, reason, violations])).toStrictEqual([
      ['skipped an enriched record that is not a valid EnrichedEvent', sequenceOf(1), 'not_json', []],
      ['skipped an enriched record that is not a valid EnrichedEvent', sequenceOf(2), 'unknown_schema_version', []],
      ['skipped an enriched record that is not a valid EnrichedEvent', sequenceOf(3), 'invalid', [{ path: '$.campaign_item_id', message: 'must be >= 0' }]],
    ]);
  });

  it('updates no more windows at once than its concurrency', async () => {
    // Prepare: 20 campaigns, one window each
    let inFlight = 0;
    let most = 0;
    const slow = fakeWindowTable();
    const counting = {
      ...slow,
      addIfApplied: async (...args: Parameters<FakeWindowTable['addIfApplied']>) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return slow.addIfApplied(...args);
      },
    };
    const records = Array.from({ length: 20 }, (_, i) => sourceRecord(i, enrichedEvent({ campaign_item_id: i, event_time: W1 })));

    // Act
    const outcome = await aggregateBatch(records, { ...options, table: counting, concurrency: 8 });

    // Assess
    expect([outcome.counted, most]).toStrictEqual([20, 8]);
  });
});
