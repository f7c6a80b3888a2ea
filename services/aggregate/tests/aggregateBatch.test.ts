import { aggregateBatch, type AggregateBatchOptions } from '../src/domain/aggregateBatch.js';
import type { SourceRecord, WindowCounter } from '../src/domain/types.js';
import { enrichedEvent, SHARD_0, SHARD_1, sequenceOf, sourceRecord } from './support/enrichedEvents.js';
import { fakeWindowCounter, type FakeItem, type FakeWindowCounter } from './support/fakeWindowCounter.js';

const NOW = new Date('2026-11-22T04:30:00.000Z');
const RETENTION_MS = 2880 * 60_000;
/** `expires_at` of a key claimed at NOW: 48 hours later, in Unix seconds */
const EXPIRES_AT = Date.parse('2026-11-24T04:30:00.000Z') / 1000;
const W1 = '2026-11-22T04:05:00.000Z';
const W2 = '2026-11-22T04:06:00.000Z';

/** The stored item of a 1-minute window starting at `windowStart`, with the given counts. */
function windowItem(campaignItemId: number, windowStart: string, counts: Partial<FakeItem>): FakeItem {
  return {
    campaign_item_id: campaignItemId,
    window_start: windowStart,
    bids: 0,
    impressions: 0,
    clicks: 0,
    spend: 0,
    ...counts,
    window_end: new Date(Date.parse(windowStart) + 60_000).toISOString(),
    window_day: windowStart.slice(0, 10),
    period_minutes: 1,
    updated_at: NOW.toISOString(),
  };
}

/** The windows of `mixedBatch` counted once. */
const MIXED_WINDOWS = {
  [`1 ${W1}`]: windowItem(1, W1, { bids: 1, impressions: 1, clicks: 1, spend: 100 }),
  [`1 ${W2}`]: windowItem(1, W2, { bids: 1 }),
  [`2 ${W1}`]: windowItem(2, W1, { bids: 1, impressions: 1, spend: 30 }),
};

/** Claimed keys, all expiring at EXPIRES_AT. */
const claims = (...keys: string[]) => Object.fromEntries(keys.sort().map((key) => [key, EXPIRES_AT]));

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

/** `count` bids of campaign 1 in W1, transactions `tx-<n>`, at stream positions `from`… */
function bidsInOneWindow(count: number, from = 0): SourceRecord[] {
  return Array.from({ length: count }, (_, i) => sourceRecord(from + i, enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: `tx-${from + i}` })));
}

describe('aggregateBatch', () => {
  let counter: FakeWindowCounter;
  let logged: [string, Record<string, unknown>][];
  let options: AggregateBatchOptions;

  beforeEach(() => {
    counter = fakeWindowCounter();
    logged = [];
    options = { counter, periodMinutes: 1, retentionMs: RETENTION_MS, now: () => NOW, log: (message, data) => logged.push([message, data]) };
  });

  it('counts a batch into its windows and claims each event for the retention period', async () => {
    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 6, duplicates: 0, invalid: 0, failed: 0, rejected: [] });
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
    expect(counter.countedEvents()).toStrictEqual(claims('t1#bid', 't1#imp', 't1#click', 't2#bid', 't2#imp', 't3#bid'));
    expect(counter.transactions).toStrictEqual([
      { campaignItemId: 1, eventKeys: ['t1#bid', 't1#imp', 't1#click'], applied: true },
      { campaignItemId: 2, eventKeys: ['t2#bid', 't2#imp'], applied: true },
      { campaignItemId: 1, eventKeys: ['t3#bid'], applied: true },
    ]);
  });

  it('counts a batch delivered twice once', async () => {
    // Prepare
    await aggregateBatch(mixedBatch(), options);

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 0, duplicates: 6, invalid: 0, failed: 0, rejected: [] });
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('counts an event re-emitted by enrich as a new record once, in a later batch and on another shard', async () => {
    // Prepare: enrich re-emits the whole transaction t1 with new sequence numbers, on the same and on another shard
    await aggregateBatch(mixedBatch(), options);
    const t1 = mixedBatch().filter((record) => JSON.parse(record.data).tx_id === 't1');
    const copies = (shardId: string, from: number) => t1.map((record, i) => ({ ...record, shardId, sequenceNumber: sequenceOf(from + i) }));

    // Act
    const sameShard = await aggregateBatch(copies(SHARD_0, 100), options);
    const otherShard = await aggregateBatch(copies(SHARD_1, 7), options);

    // Assess
    expect(sameShard).toStrictEqual({ batchItemFailures: [], counted: 0, duplicates: 3, invalid: 0, failed: 0, rejected: [] });
    expect(otherShard).toStrictEqual({ batchItemFailures: [], counted: 0, duplicates: 3, invalid: 0, failed: 0, rejected: [] });
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('collapses copies of one event within a batch into one count', async () => {
    // Prepare: record 2 is a copy of record 0 (a re-emission landing in the same batch), record 3 one of record 1
    const bid = enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: 't1' });
    const imp = enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: 't1', type: 'imp', win_price: 100 });
    const records = [sourceRecord(0, bid), sourceRecord(1, imp), sourceRecord(2, bid), sourceRecord(3, imp)];

    // Act
    const outcome = await aggregateBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 2, duplicates: 2, invalid: 0, failed: 0, rejected: [] });
    expect(counter.transactions).toStrictEqual([{ campaignItemId: 1, eventKeys: ['t1#bid', 't1#imp'], applied: true }]);
    expect(counter.items()).toStrictEqual({ [`1 ${W1}`]: windowItem(1, W1, { bids: 1, impressions: 1, spend: 100 }) });
  });

  it('counts only the new events of a re-delivered suffix mixed with new ones, retrying without the counted', async () => {
    // Prepare: records 0-5 are counted; Lambda re-delivers from 3 and the next records follow
    await aggregateBatch(mixedBatch(), options);
    counter.transactions.length = 0;
    const next = [
      sourceRecord(6, enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:40.000Z', type: 'bid', tx_id: 't4' })),
      sourceRecord(7, enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-22T04:05:50.000Z', type: 'click', tx_id: 't2' })),
      sourceRecord(8, enrichedEvent({ campaign_item_id: 3, event_time: '2026-11-22T04:06:10.000Z', type: 'bid', tx_id: 't5' })),
    ];

    // Act
    const outcome = await aggregateBatch([...mixedBatch().slice(3), ...next], options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 3, duplicates: 3, invalid: 0, failed: 0, rejected: [] });
    expect(counter.items()).toStrictEqual({
      [`1 ${W1}`]: windowItem(1, W1, { bids: 2, impressions: 1, clicks: 1, spend: 100 }),
      [`1 ${W2}`]: windowItem(1, W2, { bids: 1 }),
      [`2 ${W1}`]: windowItem(2, W1, { bids: 1, impressions: 1, clicks: 1, spend: 30 }),
      [`3 ${W2}`]: windowItem(3, W2, { bids: 1 }),
    });
    expect(counter.transactions).toStrictEqual([
      { campaignItemId: 2, eventKeys: ['t2#imp', 't2#click'], applied: false },
      { campaignItemId: 1, eventKeys: ['t3#bid'], applied: false },
      { campaignItemId: 1, eventKeys: ['t1#click', 't4#bid'], applied: false },
      { campaignItemId: 3, eventKeys: ['t5#bid'], applied: true },
      { campaignItemId: 2, eventKeys: ['t2#click'], applied: true },
      { campaignItemId: 1, eventKeys: ['t4#bid'], applied: true },
    ]);
  });

  it('splits a group of 250 events into transactions of at most 99 and counts each once', async () => {
    // Prepare
    const records = bidsInOneWindow(250);

    // Act
    const first = await aggregateBatch(records, options);
    const again = await aggregateBatch(records, options);

    // Assess
    expect(first).toStrictEqual({ batchItemFailures: [], counted: 250, duplicates: 0, invalid: 0, failed: 0, rejected: [] });
    expect(again).toStrictEqual({ batchItemFailures: [], counted: 0, duplicates: 250, invalid: 0, failed: 0, rejected: [] });
    expect(counter.transactions.map(({ eventKeys, applied }) => [eventKeys.length, applied])).toStrictEqual([
      [99, true],
      [99, true],
      [52, true],
      [99, false],
      [99, false],
      [52, false],
    ]);
    expect(Object.keys(counter.countedEvents())).toHaveLength(250);
    expect(counter.items()).toStrictEqual({ [`1 ${W1}`]: windowItem(1, W1, { bids: 250 }) });
  });

  it('reports the lowest sequence number of the failed groups and counts the others', async () => {
    // Prepare: campaign 2 (records 1 and 3) is throttled
    counter.failFor(2, Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ThrottlingException' }));

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: sequenceOf(1) }],
      counted: 4,
      duplicates: 0,
      invalid: 0,
      failed: 2,
      rejected: [],
      failure: { name: 'ThrottlingException', message: "Could not count campaign 2's window 2026-11-22T04:05:00.000Z: Rate of requests exceeds the allowed throughput." },
    });
    expect(Object.keys(counter.items())).toStrictEqual([`1 ${W1}`, `1 ${W2}`]);
    expect(logged).toStrictEqual([
      [
        'could not count a window; its records will be re-delivered',
        { campaignItemId: 2, windowStart: W1, error: { name: 'ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' } },
      ],
    ]);
  });

  it('reports the lowest sequence number across several failed groups', async () => {
    // Prepare: both of campaign 1's windows fail (records 0, 2, 5 and 4)
    counter.failFor(1, Object.assign(new Error('Transaction is ongoing for the item'), { name: 'TransactionConflictException' }));

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome.batchItemFailures).toStrictEqual([{ itemIdentifier: sequenceOf(0) }]);
    expect([outcome.counted, outcome.failed]).toStrictEqual([2, 4]);
  });

  it('compares sequence numbers as numbers, whatever their length', async () => {
    // Prepare
    counter.failFor(1, new Error('socket hang up'));
    const records = [
      { shardId: SHARD_0, sequenceNumber: '100', data: JSON.stringify(enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: 'a' })) },
      { shardId: SHARD_0, sequenceNumber: '99', data: JSON.stringify(enrichedEvent({ campaign_item_id: 1, event_time: W2, tx_id: 'b' })) },
    ];

    // Act
    const outcome = await aggregateBatch(records, options);

    // Assess
    expect(outcome.batchItemFailures).toStrictEqual([{ itemIdentifier: '99' }]);
  });

  it('counts everything exactly once when Lambda re-delivers from the reported failure', async () => {
    // Prepare: the first delivery fails for campaign 2; Lambda resumes at its lowest record
    counter.failFor(2, new Error('throttled'));
    const first = await aggregateBatch(mixedBatch(), options);
    counter.clearFailures();
    const resumeAt = mixedBatch().findIndex((r) => r.sequenceNumber === first.batchItemFailures[0]!.itemIdentifier);

    // Act
    const outcome = await aggregateBatch(mixedBatch().slice(resumeAt), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 2, duplicates: 3, invalid: 0, failed: 0, rejected: [] });
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('fails a group whose second transaction fails, and counts each of its events once on re-delivery', async () => {
    // Prepare: 250 bids after 10 of another campaign; the second of the group's three transactions fails
    const records = [...Array.from({ length: 10 }, (_, i) => sourceRecord(i, enrichedEvent({ campaign_item_id: 2, event_time: W1, tx_id: `other-${i}` }))), ...bidsInOneWindow(250, 10)];
    let campaign1Transactions = 0;
    const flaky: WindowCounter = {
      countOnce: async (count) => {
        if (count.campaignItemId === 1 && ++campaign1Transactions === 2) throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' });
        return counter.countOnce(count);
      },
    };
    const first = await aggregateBatch(records, { ...options, counter: flaky });
    const resumeAt = records.findIndex((r) => r.sequenceNumber === first.batchItemFailures[0]!.itemIdentifier);

    // Act
    const outcome = await aggregateBatch(records.slice(resumeAt), options);

    // Assess
    expect(first).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: sequenceOf(10) }],
      counted: 10,
      duplicates: 0,
      invalid: 0,
      failed: 250,
      rejected: [],
      failure: { name: 'ProvisionedThroughputExceededException', message: "Could not count campaign 1's window 2026-11-22T04:05:00.000Z: Throughput exceeds the current capacity" },
    });
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 151, duplicates: 99, invalid: 0, failed: 0, rejected: [] });
    expect(counter.items()).toStrictEqual({ [`1 ${W1}`]: windowItem(1, W1, { bids: 250 }), [`2 ${W1}`]: windowItem(2, W1, { bids: 10 }) });
    expect(Object.keys(counter.countedEvents())).toHaveLength(260);
  });

  it('counts once when a transaction succeeded but its acknowledgement was lost', async () => {
    // Prepare
    counter.failFor(2, new Error('socket hang up'), { afterWrite: true });
    const first = await aggregateBatch(mixedBatch(), options);
    counter.clearFailures();

    // Act
    const outcome = await aggregateBatch(mixedBatch().slice(1), options);

    // Assess
    expect(first.batchItemFailures).toStrictEqual([{ itemIdentifier: sequenceOf(1) }]);
    expect(outcome).toStrictEqual({ batchItemFailures: [], counted: 0, duplicates: 5, invalid: 0, failed: 0, rejected: [] });
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('fails a group whose count is refused without naming a counted event, rather than retry forever', async () => {
    // Prepare
    const refusing: WindowCounter = { countOnce: async () => ({ alreadyCounted: ['someone-else#bid'] }) };

    // Act
    const outcome = await aggregateBatch(bidsInOneWindow(2, 4), { ...options, counter: refusing });

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: sequenceOf(4) }],
      counted: 0,
      duplicates: 0,
      invalid: 0,
      failed: 2,
      rejected: [],
      failure: { name: 'CountRefusedError', message: expect.stringContaining('was refused without naming an already counted event') },
    });
    expect(logged).toStrictEqual([
      [
        'could not count a window; its records will be re-delivered',
        {
          campaignItemId: 1,
          windowStart: W1,
          error: { name: 'CountRefusedError', message: `The count of window 1 @ ${W1} was refused without naming an already counted event.` },
        },
      ],
    ]);
  });

  it('rejects and logs records that are not valid enriched events, without failing the batch', async () => {
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
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      counted: 1,
      duplicates: 0,
      invalid: 3,
      failed: 0,
      rejected: [
        { sequenceNumber: sequenceOf(1), reason: { name: 'InvalidJson', message: 'The record is not JSON.' } },
        { sequenceNumber: sequenceOf(2), reason: { name: 'UnknownSchemaVersion', message: 'The record has a schema_version this consumer does not read.' } },
        { sequenceNumber: sequenceOf(3), reason: { name: 'InvalidEnrichedEvent', message: 'The record is not a valid EnrichedEvent: $.campaign_item_id must be >= 0.' } },
      ],
    });
    expect(logged.map(([message, { sequenceNumber, reason, violations }]) => [message, sequenceNumber, reason, violations])).toStrictEqual([
      ['skipped an enriched record that is not a valid EnrichedEvent', sequenceOf(1), 'not_json', []],
      ['skipped an enriched record that is not a valid EnrichedEvent', sequenceOf(2), 'unknown_schema_version', []],
      ['skipped an enriched record that is not a valid EnrichedEvent', sequenceOf(3), 'invalid', [{ path: '$.campaign_item_id', message: 'must be >= 0' }]],
    ]);
  });

  it('counts no more windows at once than its concurrency', async () => {
    // Prepare: 20 campaigns, one window each
    let inFlight = 0;
    let most = 0;
    const slow: WindowCounter = {
      countOnce: async (count) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        return counter.countOnce(count);
      },
    };
    const records = Array.from({ length: 20 }, (_, i) => sourceRecord(i, enrichedEvent({ campaign_item_id: i, event_time: W1, tx_id: `tx-${i}` })));

    // Act
    const outcome = await aggregateBatch(records, { ...options, counter: slow, concurrency: 8 });

    // Assess
    expect([outcome.counted, most]).toStrictEqual([20, 8]);
  });
});
