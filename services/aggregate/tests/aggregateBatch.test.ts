import type { KinesisRecordText } from '@sdp/shared-streams';
import { aggregateBatch, type AggregateBatchOptions } from '../src/domain/aggregateBatch.js';
import {
  enrichedEvent,
  fakeCanonicalCopies,
  SHARD_0,
  SHARD_1,
  sequenceOf,
  sourceRecord,
} from './support/enrichedEvents.js';
import { fakeWindowCounter, type FakeItem, type FakeWindowCounter } from './support/fakeWindowCounter.js';

const NOW = new Date('2026-11-22T04:30:00.000Z');
const W1 = '2026-11-22T04:05:00.000Z';
const W2 = '2026-11-22T04:06:00.000Z';
/** The position attribute of shard 0 after its record `n` */
const wm0 = (n: number) => ({ [`wm_${SHARD_0}`]: `056${sequenceOf(n)}` });

/** The stored item of a 1-minute window starting at `windowStart`, with the given counts and bookkeeping. */
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

/** The windows of `mixedBatch` counted once from shard 0. */
const MIXED_WINDOWS = {
  [`1 ${W1}`]: windowItem(1, W1, { bids: 1, impressions: 1, clicks: 1, spend: 100, ...wm0(5) }),
  [`1 ${W2}`]: windowItem(1, W2, { bids: 1, ...wm0(4) }),
  [`2 ${W1}`]: windowItem(2, W1, { bids: 1, impressions: 1, spend: 30, ...wm0(3) }),
};

/** A batch of one shard: campaign 1 in W1 (bid, imp, click) and W2 (bid), campaign 2 in W1 (bid, imp). */
function mixedBatch(shardId = SHARD_0, from = 0): KinesisRecordText[] {
  return [
    enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:01.000Z', type: 'bid', tx_id: 't1' }),
    enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-22T04:05:02.000Z', type: 'bid', tx_id: 't2' }),
    enrichedEvent({
      campaign_item_id: 1,
      event_time: '2026-11-22T04:05:03.000Z',
      type: 'imp',
      tx_id: 't1',
      win_price: 100,
    }),
    enrichedEvent({
      campaign_item_id: 2,
      event_time: '2026-11-22T04:05:04.000Z',
      type: 'imp',
      tx_id: 't2',
      win_price: 30,
    }),
    enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:06:00.000Z', type: 'bid', tx_id: 't3' }),
    enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:30.000Z', type: 'click', tx_id: 't1' }),
  ].map((event, i) => sourceRecord(from + i, event, shardId));
}

const outcomeOf = (
  counts: Partial<{
    counted: number;
    duplicates: number;
    ignored: number;
    invalid: number;
    failed: number;
    pending: number;
  }>,
) => ({
  batchItemFailures: [],
  rejected: [],
  counted: 0,
  duplicates: 0,
  ignored: 0,
  invalid: 0,
  failed: 0,
  pending: 0,
  ...counts,
});

describe('aggregateBatch', () => {
  let counter: FakeWindowCounter;
  let copies: ReturnType<typeof fakeCanonicalCopies>;
  let logged: [string, Record<string, unknown>][];
  let options: AggregateBatchOptions;

  beforeEach(() => {
    counter = fakeWindowCounter();
    copies = fakeCanonicalCopies(mixedBatch());
    logged = [];
    options = {
      counter,
      copies,
      periodMinutes: 1,
      now: () => NOW,
      log: (message, data) => logged.push([message, data]),
      pendingWaitsMs: [0, 0],
    };
  });

  it("leaves a bot's bid, impression and click out of the campaign windows", async () => {
    // Prepare: a crawler's transaction t9 in campaign 1's window W1, after the mixed batch
    const crawler = [
      enrichedEvent({
        campaign_item_id: 1,
        event_time: '2026-11-22T04:05:10.000Z',
        type: 'bid',
        tx_id: 't9',
        bot: true,
      }),
      enrichedEvent({
        campaign_item_id: 1,
        event_time: '2026-11-22T04:05:11.000Z',
        type: 'imp',
        tx_id: 't9',
        win_price: 500,
        bot: true,
      }),
      enrichedEvent({
        campaign_item_id: 1,
        event_time: '2026-11-22T04:05:12.000Z',
        type: 'click',
        tx_id: 't9',
        bot: true,
      }),
    ].map((event, i) => sourceRecord(6 + i, event));
    copies.name(...crawler);

    // Act
    const outcome = await aggregateBatch([...mixedBatch(), ...crawler], options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 6, ignored: 3 }));
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('counts a batch into its windows with one write per window, which records the shard position', async () => {
    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 6 }));
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
    expect(counter.writes).toStrictEqual([
      { campaignItemId: 1, records: 3, applied: true },
      { campaignItemId: 2, records: 2, applied: true },
      { campaignItemId: 1, records: 1, applied: true },
    ]);
    expect(copies.reads).toStrictEqual([['t1', 't2', 't3']]);
  });

  it('counts a batch delivered twice once', async () => {
    // Prepare
    await aggregateBatch(mixedBatch(), options);

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ duplicates: 6 }));
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('counts only the copy the join state names: copies re-emitted by enrich, on the same or another shard, count nothing', async () => {
    // Prepare: enrich re-emits the whole transaction t1 with new sequence numbers, on the same and on another shard
    await aggregateBatch(mixedBatch(), options);
    const t1 = mixedBatch().filter((record) => JSON.parse(record.data).tx_id === 't1');
    const copiesOn = (shardId: string, from: number) =>
      t1.map((record, i) => ({ ...record, shardId, sequenceNumber: sequenceOf(from + i) }));

    // Act
    const sameShard = await aggregateBatch(copiesOn(SHARD_0, 100), options);
    const otherShard = await aggregateBatch(copiesOn(SHARD_1, 7), options);

    // Assess
    expect(sameShard).toStrictEqual(outcomeOf({ duplicates: 3 }));
    expect(otherShard).toStrictEqual(outcomeOf({ duplicates: 3 }));
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('counts a re-emitted copy when it is the one enrich named (its first emission was never saved)', async () => {
    // Prepare: record 0 is a copy enrich emitted before a crash; record 1 the copy its saved state names
    const bid = enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: 't9' });
    const records = [sourceRecord(0, bid), sourceRecord(1, bid)];
    copies.name(records[1]!);

    // Act
    const outcome = await aggregateBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 1, duplicates: 1 }));
    expect(counter.items()).toStrictEqual({ [`1 ${W1}`]: windowItem(1, W1, { bids: 1, ...wm0(1) }) });
  });

  it('skips events the join state marks as counted before copies were named', async () => {
    // Prepare
    copies.nameLegacy('t1', 'click');

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 5, duplicates: 1 }));
    expect(counter.items()[`1 ${W1}`]).toStrictEqual(
      windowItem(1, W1, { bids: 1, impressions: 1, spend: 100, ...wm0(2) }),
    );
  });

  it('counts only the new records of a re-delivered suffix mixed with new ones', async () => {
    // Prepare: records 0-5 are counted; Lambda re-delivers from 3 and the next records follow
    await aggregateBatch(mixedBatch(), options);
    counter.writes.length = 0;
    const next = [
      sourceRecord(
        6,
        enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:40.000Z', type: 'bid', tx_id: 't4' }),
      ),
      sourceRecord(
        7,
        enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-22T04:05:50.000Z', type: 'click', tx_id: 't2' }),
      ),
      sourceRecord(
        8,
        enrichedEvent({ campaign_item_id: 3, event_time: '2026-11-22T04:06:10.000Z', type: 'bid', tx_id: 't5' }),
      ),
    ];
    copies.name(...next);

    // Act
    const outcome = await aggregateBatch([...mixedBatch().slice(3), ...next], options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 3, duplicates: 3 }));
    expect(counter.items()).toStrictEqual({
      [`1 ${W1}`]: windowItem(1, W1, { bids: 2, impressions: 1, clicks: 1, spend: 100, ...wm0(6) }),
      [`1 ${W2}`]: windowItem(1, W2, { bids: 1, ...wm0(4) }),
      [`2 ${W1}`]: windowItem(2, W1, { bids: 1, impressions: 1, clicks: 1, spend: 30, ...wm0(7) }),
      [`3 ${W2}`]: windowItem(3, W2, { bids: 1, ...wm0(8) }),
    });
  });

  it('reports the lowest sequence number of the failed groups and counts the others', async () => {
    // Prepare: campaign 2 (records 1 and 3) is throttled
    counter.failFor(
      2,
      Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name: 'ThrottlingException' }),
    );

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess
    expect(outcome).toStrictEqual({
      ...outcomeOf({ counted: 4, failed: 2 }),
      batchItemFailures: [{ itemIdentifier: sequenceOf(1) }],
      failure: {
        name: 'ThrottlingException',
        message:
          "Could not count campaign 2's window 2026-11-22T04:05:00.000Z: Rate of requests exceeds the allowed throughput.",
      },
      // The table's throttle, not the records' fault: re-delivered without counting an attempt.
      transient: true,
    });
    expect(Object.keys(counter.items())).toStrictEqual([`1 ${W1}`, `1 ${W2}`]);
    expect(logged.map(([message, data]) => [message, data.group])).toStrictEqual([
      ['could not count a group; its records will be re-delivered', "campaign 2's window 2026-11-22T04:05:00.000Z"],
    ]);
  });

  it('compares sequence numbers as numbers, whatever their length', async () => {
    // Prepare
    counter.failFor(1, new Error('socket hang up'));
    const records = [
      {
        shardId: SHARD_0,
        sequenceNumber: '100',
        data: JSON.stringify(enrichedEvent({ campaign_item_id: 1, event_time: W1, tx_id: 'a' })),
      },
      {
        shardId: SHARD_0,
        sequenceNumber: '99',
        data: JSON.stringify(enrichedEvent({ campaign_item_id: 1, event_time: W2, tx_id: 'b' })),
      },
    ];
    copies.name(...records);

    // Act
    const outcome = await aggregateBatch(records, options);

    // Assess
    expect(outcome.batchItemFailures).toStrictEqual([{ itemIdentifier: '99' }]);
  });

  it.each([
    ['the write failed', false],
    ['the write happened but its answer was lost', true],
  ])('counts everything exactly once when Lambda re-delivers from the reported failure (%s)', async (_, afterWrite) => {
    // Prepare: the first delivery fails for campaign 1; Lambda resumes at its lowest record
    counter.failFor(1, new Error('throttled'), { afterWrite });
    const first = await aggregateBatch(mixedBatch(), options);
    counter.clearFailures();
    const resumeAt = mixedBatch().findIndex((r) => r.sequenceNumber === first.batchItemFailures[0]!.itemIdentifier);

    // Act
    await aggregateBatch(mixedBatch().slice(resumeAt), options);

    // Assess
    expect(resumeAt).toBe(0);
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('defers the batch from the first record whose copy is not named yet, counting the records before it', async () => {
    // Prepare: enrich has not stored t3's state yet (record 4)
    copies = fakeCanonicalCopies(mixedBatch().filter((_, i) => i !== 4));
    options = { ...options, copies };

    // Act
    const outcome = await aggregateBatch(mixedBatch(), options);

    // Assess: records 0-3 counted, 4 and 5 wait; the verdict was read again after each wait
    expect(outcome).toStrictEqual({
      ...outcomeOf({ counted: 4, pending: 2 }),
      batchItemFailures: [{ itemIdentifier: sequenceOf(4) }],
      deferred: true,
      failure: {
        name: 'JoinStateNotStored',
        message: 'Enrich has not stored the join state that names the copy of this event that counts.',
      },
    });
    expect(copies.reads).toStrictEqual([['t1', 't2', 't3'], ['t3'], ['t3']]);
    expect(counter.items()[`1 ${W1}`]).toStrictEqual(
      windowItem(1, W1, { bids: 1, impressions: 1, spend: 100, ...wm0(2) }),
    );
  });

  it('counts every record once when the deferred batch is re-delivered after enrich saved', async () => {
    // Prepare
    copies = fakeCanonicalCopies(mixedBatch().filter((_, i) => i !== 4));
    options = { ...options, copies };
    await aggregateBatch(mixedBatch(), options);
    copies.name(mixedBatch()[4]!);

    // Act
    const outcome = await aggregateBatch(mixedBatch().slice(4), options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 2 }));
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('counts a record whose copy is named while it waits', async () => {
    // Prepare: the state is saved during the first wait
    copies = fakeCanonicalCopies(mixedBatch().slice(0, 5));
    const sleep = async () => copies.name(mixedBatch()[5]!);

    // Act
    const outcome = await aggregateBatch(mixedBatch(), { ...options, copies, pendingWaitsMs: [1], sleep });

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 6 }));
    expect(counter.items()).toStrictEqual(MIXED_WINDOWS);
  });

  it('adds a replayed record once, however often it is replayed', async () => {
    // Prepare: record 1 (t2's bid) was set aside; the replay delivers it from `<shard>-replay`
    await aggregateBatch(
      mixedBatch().filter((_, i) => i !== 1),
      options,
    );
    const replay = { ...mixedBatch()[1]!, shardId: `${SHARD_0}-replay` };

    // Act
    const first = await aggregateBatch([replay], options);
    const second = await aggregateBatch([replay], options);

    // Assess
    expect([first, second]).toStrictEqual([outcomeOf({ counted: 1 }), outcomeOf({ duplicates: 1 })]);
    expect(counter.items()[`2 ${W1}`]).toStrictEqual(
      windowItem(2, W1, {
        bids: 1,
        impressions: 1,
        spend: 30,
        ...wm0(3),
        replayed: [`${SHARD_0}#056${sequenceOf(1)}`],
      }),
    );
  });

  it('rejects and logs records that are not valid enriched events, without failing the batch', async () => {
    // Prepare
    const records = [
      sourceRecord(0, enrichedEvent({ campaign_item_id: 1, event_time: W1 })),
      sourceRecord(1, 'not json'),
      sourceRecord(2, { ...enrichedEvent(), schema_version: 2 } as never),
      sourceRecord(3, { ...enrichedEvent(), campaign_item_id: -1 }),
    ];
    copies.name(records[0]!);

    // Act
    const outcome = await aggregateBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual({
      ...outcomeOf({ counted: 1, invalid: 3 }),
      rejected: [
        { sequenceNumber: sequenceOf(1), reason: { name: 'InvalidJson', message: 'The record is not JSON.' } },
        {
          sequenceNumber: sequenceOf(2),
          reason: {
            name: 'UnknownSchemaVersion',
            message: 'The record has a schema_version this consumer does not read.',
          },
        },
        {
          sequenceNumber: sequenceOf(3),
          reason: {
            name: 'InvalidEnrichedEvent',
            message: 'The record is not a valid EnrichedEvent: $.campaign_item_id must be >= 0.',
          },
        },
      ],
    });
    expect(
      logged.map(([message, { sequenceNumber, violations }]) => [message, sequenceNumber, violations]),
    ).toStrictEqual([
      ['set aside a record that breaks its contract', sequenceOf(1), []],
      ['set aside a record that breaks its contract', sequenceOf(2), []],
      [
        'set aside a record that breaks its contract',
        sequenceOf(3),
        [{ path: '$.campaign_item_id', message: 'must be >= 0' }],
      ],
    ]);
  });
});
