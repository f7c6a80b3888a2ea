import { streamPosition, type KinesisRecordText } from '@sdp/shared-streams';
import { inMemoryShopperLedger } from '../src/adapters/inMemoryShopperLedger.js';
import { countDemandBatch, type CountDemandOptions } from '../src/domain/countDemandBatch.js';
import { click, clickRecord, clickRecords, SHARD_0, sequenceOf, T0 } from './support/clickstreamRecords.js';
import {
  fakeProductWindowCounter,
  fakeSessionVerdicts,
  type FakeProductWindowCounter,
} from './support/fakeProductWindowCounter.js';

const NOW = new Date('2026-12-04T14:30:00.000Z');
const W0 = '2026-12-04T14:05:00.000Z';
const W1 = '2026-12-04T14:06:00.000Z';
const counts = (partial: Record<string, number>) => ({
  views: 0,
  carts: 0,
  cart_units: 0,
  checkouts: 0,
  purchases: 0,
  units_sold: 0,
  ...partial,
});

/** A visit of u1: browse, view sku-1 twice (two events), add 2 to the cart, check out and buy them a minute later. */
const VISIT = [
  click(0, 'navigate'),
  click(1_000, 'detail', { product_id: 'sku-1' }),
  click(2_000, 'detail', { product_id: 'sku-2' }),
  click(3_000, 'detail', { product_id: 'sku-1' }),
  click(4_000, 'add_to_cart', { product_id: 'sku-1', quantity: 2 }),
  click(5_000, 'checkout'),
  click(60_000, 'checkout', { product_id: 'sku-1' }),
  click(61_000, 'purchase', { product_id: 'sku-1', quantity: 2 }),
];
const VISIT_WINDOWS = {
  [`sku-1 ${W0}`]: counts({ views: 2, carts: 1, cart_units: 2 }),
  [`sku-1 ${W1}`]: counts({ checkouts: 1, purchases: 1, units_sold: 2 }),
  [`sku-2 ${W0}`]: counts({ views: 1 }),
};

describe('countDemandBatch', () => {
  let counter: FakeProductWindowCounter;
  let sessions: ReturnType<typeof fakeSessionVerdicts>;
  let logged: [string, Record<string, unknown>][];
  let options: CountDemandOptions;
  /** Sessions decides the records: it adds them, except those named */
  const sessionsDecide = (records: readonly KinesisRecordText[], notAdded: readonly number[] = []) =>
    records.forEach((record, i) => {
      const userId = (JSON.parse(record.data) as { data: { user_id: string } }).data.user_id;
      sessions.decide(userId, record.shardId, record.sequenceNumber, !notAdded.includes(i));
    });

  beforeEach(() => {
    counter = fakeProductWindowCounter();
    sessions = fakeSessionVerdicts();
    logged = [];
    options = {
      counter,
      sessions,
      periodMinutes: 1,
      shoppers: inMemoryShopperLedger(1_000),
      signalsPerShopper: 5,
      now: () => NOW,
      log: (message, data) => logged.push([message, data]),
      pendingWaitsMs: [0],
    };
  });

  it('counts each product event in its event-time window by name, with cart units and units sold, and ignores events of no product', async () => {
    // Prepare
    const records = clickRecords(VISIT);
    sessionsDecide(records);

    // Act
    const outcome = await countDemandBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      rejected: [],
      counted: 6,
      duplicates: 0,
      ignored: 2,
      invalid: 0,
      failed: 0,
      pending: 0,
      capped: 0,
    });
    expect(counter.windows()).toStrictEqual(VISIT_WINDOWS);
    expect(counter.writes).toStrictEqual([
      { productId: 'sku-1', records: 3 },
      { productId: 'sku-2', records: 1 },
      { productId: 'sku-1', records: 2 },
    ]);
  });

  it('counts no bot traffic, and does not wait for sessions to decide it', async () => {
    // Prepare: a crawler views sku-1 between the shopper's events; sessions decides only the shopper's
    const crawler = JSON.stringify({
      schema_version: 1,
      event_id: '00000000-0000-4000-8000-000000000099',
      received_at: new Date(NOW).toISOString(),
      type: 'clickstream',
      bot: true,
      bot_reason: 'user_agent',
      data: click(1_500, 'detail', { user_id: 'crawler-1', product_id: 'sku-1', user_agent: 'Googlebot/2.1' }),
    });
    const records = clickRecords([...VISIT, crawler]);
    sessionsDecide(records.slice(0, VISIT.length));

    // Act
    const outcome = await countDemandBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      rejected: [],
      counted: 6,
      duplicates: 0,
      ignored: 3,
      invalid: 0,
      failed: 0,
      pending: 0,
      capped: 0,
    });
    expect(counter.windows()).toStrictEqual(VISIT_WINDOWS);
  });

  it('counts only what sessions added: a resent copy it did not add counts nothing, in the batch or later', async () => {
    // Prepare: records 8 and 9 resend VISIT[1] and VISIT[7]; sessions did not add them
    const records = clickRecords([...VISIT, VISIT[1]!, VISIT[7]!]);
    sessionsDecide(records, [8, 9]);

    // Act
    const outcome = await countDemandBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      rejected: [],
      counted: 6,
      duplicates: 2,
      ignored: 2,
      invalid: 0,
      failed: 0,
      pending: 0,
      capped: 0,
    });
    expect(counter.windows()).toStrictEqual(VISIT_WINDOWS);
  });

  it('counts nothing of a user sessions took for a bot by its rate, from the verdict on, and what sessions added before it', async () => {
    // Prepare: u1 is a bot from the cart on (T0 + 4 s); sessions began leaving its records out at record
    // 5, so the cart (record 4) was added before the verdict; a replay of the purchase comes later
    const records = clickRecords(VISIT);
    sessionsDecide(records);
    sessions.takeForBot('u1', { sinceMs: T0 + 4_000, from: { [SHARD_0]: streamPosition(sequenceOf(5)) } });
    const replay = { ...records[7]!, shardId: `${SHARD_0}-replay` };

    // Act
    const outcome = await countDemandBatch([...records, replay], options);

    // Assess: the views and the cart count; the checkout and purchase of sku-1, and the replay, do not
    expect(outcome).toMatchObject({ batchItemFailures: [], counted: 4, duplicates: 3, ignored: 2 });
    expect(counter.windows()).toStrictEqual({
      [`sku-1 ${W0}`]: counts({ views: 2, carts: 1, cart_units: 2 }),
      [`sku-2 ${W0}`]: counts({ views: 1 }),
    });
  });

  it('waits, without counting, for records sessions has not decided yet', async () => {
    // Prepare: sessions decided records 0-3 only; record 4 is the first product event it has not
    const records = clickRecords(VISIT);
    sessionsDecide(records.slice(0, 4));

    // Act
    const outcome = await countDemandBatch(records, options);

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: sequenceOf(4) }],
      rejected: [],
      counted: 3,
      duplicates: 0,
      ignored: 2,
      invalid: 0,
      failed: 0,
      pending: 3,
      capped: 0,
      deferred: true,
      failure: {
        name: 'SessionNotDecided',
        message: 'Sessions has not yet decided whether it adds this event; demand counts exactly what sessions adds.',
      },
    });
  });

  it('counts a re-delivered batch and a lost acknowledgement once', async () => {
    // Prepare
    const records = clickRecords(VISIT);
    sessionsDecide(records);
    counter.failFor('sku-2', new Error('connection reset'), { afterWrite: true });

    // Act
    const first = await countDemandBatch(records, options);
    counter.clearFailures();
    const again = await countDemandBatch(records, options);

    // Assess
    expect(first).toMatchObject({ counted: 5, failed: 1, batchItemFailures: [{ itemIdentifier: sequenceOf(2) }] });
    expect(first.failure).toStrictEqual({
      name: 'Error',
      message: `Could not count product sku-2's window ${W0}: connection reset`,
    });
    expect(again).toMatchObject({ counted: 0, duplicates: 6, failed: 0, batchItemFailures: [] });
    expect(counter.windows()).toStrictEqual(VISIT_WINDOWS);
  });

  it('adds a replayed record once, however often it is replayed', async () => {
    // Prepare: record 4 was set aside by demand; sessions added it
    const records = clickRecords(VISIT);
    sessionsDecide(records);
    await countDemandBatch(
      records.filter((_, i) => i !== 4),
      options,
    );
    const replay = { ...records[4]!, shardId: `${SHARD_0}-replay` };

    // Act
    const first = await countDemandBatch([replay], options);
    const second = await countDemandBatch([replay], options);

    // Assess
    expect([first.counted, second.counted, second.duplicates]).toStrictEqual([1, 0, 1]);
    expect(counter.windows()).toStrictEqual(VISIT_WINDOWS);
  });

  it('sets a broken record aside with its reason and counts the rest', async () => {
    // Prepare
    const records = [
      clickRecord(0, 'not json'),
      clickRecord(1, click(1_000, 'buy', { product_id: 'sku-3' })),
      clickRecord(2, { ...click(0, 'detail'), user_id: 'has space' }),
    ];
    sessionsDecide([records[1]!]);

    // Act
    const outcome = await countDemandBatch(records, options);

    // Assess
    expect(outcome).toMatchObject({ counted: 1, invalid: 2, batchItemFailures: [] });
    expect(outcome.rejected.map((r) => [r.sequenceNumber, r.reason.name])).toStrictEqual([
      [sequenceOf(0), 'InvalidJson'],
      [sequenceOf(2), 'InvalidClickstreamEnvelope'],
    ]);
    expect(counter.windows()).toStrictEqual({ [`sku-3 ${W0}`]: counts({ purchases: 1, units_sold: 1 }) });
    expect(logged).toHaveLength(2);
  });

  it('counts a shopper who adds one product to the cart 500 times as 5 carts, over several batches, and other shoppers in full', async () => {
    // Prepare: u1 adds sku-1 to the cart 300 times and then 200 times more, within one minute; u2 views it once
    const carts = Array.from({ length: 500 }, (_, i) =>
      clickRecord(i, click(i * 100, 'add_to_cart', { product_id: 'sku-1', quantity: 1 })),
    );
    const u2 = clickRecord(500, click(59_000, 'detail', { product_id: 'sku-1', user_id: 'u2' }));
    const [first, second] = [[...carts.slice(0, 300), u2], carts.slice(300)];
    sessionsDecide([...first, ...second]);

    // Act
    const outcomes = [await countDemandBatch(first, options), await countDemandBatch(second, options)];

    // Assess
    expect(outcomes).toStrictEqual([
      {
        batchItemFailures: [],
        rejected: [],
        counted: 6,
        duplicates: 0,
        ignored: 0,
        invalid: 0,
        failed: 0,
        pending: 0,
        capped: 295,
      },
      {
        batchItemFailures: [],
        rejected: [],
        counted: 0,
        duplicates: 0,
        ignored: 0,
        invalid: 0,
        failed: 0,
        pending: 0,
        capped: 200,
      },
    ]);
    expect(counter.windows()).toStrictEqual({ [`sku-1 ${W0}`]: counts({ views: 1, carts: 5, cart_units: 5 }) });
    expect(counter.writes).toStrictEqual([{ productId: 'sku-1', records: 6 }]);
  });

  it('caps each measure, product and window of a shopper on its own', async () => {
    // Prepare: u1 views sku-1 7 times and adds it 7 times in W0, views it 7 times in W1, and views sku-2 7 times in W0
    const events = [
      ...Array.from({ length: 7 }, (_, i) => click(i * 1_000, 'detail', { product_id: 'sku-1' })),
      ...Array.from({ length: 7 }, (_, i) =>
        click(10_000 + i * 1_000, 'add_to_cart', { product_id: 'sku-1', quantity: 2 }),
      ),
      ...Array.from({ length: 7 }, (_, i) => click(60_000 + i * 1_000, 'detail', { product_id: 'sku-1' })),
      ...Array.from({ length: 7 }, (_, i) => click(20_000 + i * 1_000, 'detail', { product_id: 'sku-2' })),
    ];
    const records = clickRecords(events);
    sessionsDecide(records);

    // Act
    const outcome = await countDemandBatch(records, options);

    // Assess
    expect(outcome).toMatchObject({ counted: 20, capped: 8 });
    expect(counter.windows()).toStrictEqual({
      [`sku-1 ${W0}`]: counts({ views: 5, carts: 5, cart_units: 10 }),
      [`sku-1 ${W1}`]: counts({ views: 5 }),
      [`sku-2 ${W0}`]: counts({ views: 5 }),
    });
  });

  it('neither counts nor caps a re-delivered batch twice, and keeps capping after it', async () => {
    // Prepare: u1 adds sku-1 7 times; the batch's answer is lost, so Lambda delivers it again
    const records = Array.from({ length: 7 }, (_, i) =>
      clickRecord(i, click(i * 1_000, 'add_to_cart', { product_id: 'sku-1' })),
    );
    const later = [
      clickRecord(7, click(8_000, 'detail', { product_id: 'sku-1' })),
      clickRecord(8, click(9_000, 'add_to_cart', { product_id: 'sku-1' })),
    ];
    sessionsDecide([...records, ...later]);
    await countDemandBatch(records, options);

    // Act
    const again = await countDemandBatch(records, options);
    const next = await countDemandBatch(later, options);

    // Assess
    expect([again, next]).toMatchObject([
      { counted: 0, duplicates: 7, capped: 0 },
      { counted: 1, duplicates: 0, capped: 1 },
    ]);
    expect(counter.windows()).toStrictEqual({ [`sku-1 ${W0}`]: counts({ views: 1, carts: 5, cart_units: 5 }) });
  });

  it('writes nothing for a window whose every record is past its shopper’s cap, and counts it when that write fails later', async () => {
    // Prepare: u1 already added sku-1 5 times; sku-2's window fails the first time
    const carts = Array.from({ length: 5 }, (_, i) =>
      clickRecord(i, click(i * 1_000, 'add_to_cart', { product_id: 'sku-1' })),
    );
    const more = [
      clickRecord(5, click(6_000, 'add_to_cart', { product_id: 'sku-1' })),
      clickRecord(6, click(7_000, 'detail', { product_id: 'sku-2' })),
    ];
    sessionsDecide([...carts, ...more]);
    await countDemandBatch(carts, options);
    counter.failFor('sku-2', new Error('throttled'));

    // Act
    const failed = await countDemandBatch(more, options);
    counter.clearFailures();
    const retried = await countDemandBatch(more, options);

    // Assess
    expect([failed, retried]).toMatchObject([
      { counted: 0, capped: 1, failed: 1, batchItemFailures: [{ itemIdentifier: sequenceOf(6) }] },
      { counted: 1, capped: 0, duplicates: 1, failed: 0, batchItemFailures: [] },
    ]);
    expect(counter.writes.map((write) => write.productId)).toStrictEqual(['sku-1', 'sku-2', 'sku-2']);
    expect(counter.windows()).toStrictEqual({
      [`sku-1 ${W0}`]: counts({ carts: 5, cart_units: 5 }),
      [`sku-2 ${W0}`]: counts({ views: 1 }),
    });
  });

  it('counts two users viewing one product at one instant as two views', async () => {
    // Prepare
    const records = clickRecords([
      click(0, 'detail', { product_id: 'sku-1' }),
      click(0, 'detail', { product_id: 'sku-1', user_id: 'u2' }),
    ]);
    sessionsDecide(records);

    // Act
    await countDemandBatch(records, options);

    // Assess
    expect(counter.windows()).toStrictEqual({ [`sku-1 ${W0}`]: counts({ views: 2 }) });
  });
});
