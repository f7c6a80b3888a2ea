import { countDemandBatch, type CountDemandOptions } from '../src/domain/countDemandBatch.js';
import { click, clickRecord, clickRecords, sequenceOf, T0 } from './support/clickstreamRecords.js';
import { fakeProductWindowCounter, type FakeProductWindowCounter } from './support/fakeProductWindowCounter.js';

const NOW = new Date('2026-12-04T14:30:00.000Z');
const W0 = '2026-12-04T14:05:00.000Z';
const W1 = '2026-12-04T14:06:00.000Z';
const counts = (partial: Record<string, number>) => ({ views: 0, carts: 0, cart_units: 0, checkouts: 0, purchases: 0, units_sold: 0, ...partial });

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
  let logged: [string, Record<string, unknown>][];
  let options: CountDemandOptions;

  beforeEach(() => {
    counter = fakeProductWindowCounter();
    logged = [];
    options = { counter, periodMinutes: 1, retentionMs: 2880 * 60_000, now: () => NOW, log: (message, data) => logged.push([message, data]) };
  });

  it('counts each product event in its event-time window by name, with cart units and units sold, and ignores events of no product', async () => {
    // Act
    const outcome = await countDemandBatch(clickRecords(VISIT), options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], rejected: [], counted: 6, duplicates: 0, ignored: 2, invalid: 0, failed: 0, pending: 0 });
    expect(counter.windows()).toStrictEqual(VISIT_WINDOWS);
  });

  it('counts a copy in the batch, a re-delivered batch and a lost acknowledgement once', async () => {
    // Prepare
    const records = clickRecords([...VISIT, VISIT[1]!, VISIT[7]!]);
    counter.failFor('sku-2', new Error('connection reset'), { afterWrite: true });

    // Act
    const first = await countDemandBatch(records, options);
    counter.clearFailures();
    const again = await countDemandBatch(records, options);

    // Assess
    expect(first).toMatchObject({ counted: 5, duplicates: 2, failed: 1, batchItemFailures: [{ itemIdentifier: sequenceOf(2) }] });
    expect(first.failure).toStrictEqual({ name: 'Error', message: `Could not count product sku-2's window ${W0}: connection reset` });
    expect(again).toMatchObject({ counted: 0, duplicates: 8, failed: 0, batchItemFailures: [] });
    expect(counter.windows()).toStrictEqual(VISIT_WINDOWS);
  });

  it('splits a window of more than 99 events into transactions DynamoDB accepts', async () => {
    // Prepare
    const views = Array.from({ length: 250 }, (_, i) => click(i, 'view_details', { user_id: `u${i}`, product_id: 'sku-9' }));

    // Act
    const outcome = await countDemandBatch(clickRecords(views), options);

    // Assess
    expect(outcome.counted).toBe(250);
    expect(counter.transactions.map((t) => t.eventKeys.length)).toStrictEqual([99, 99, 52]);
    expect(counter.windows()).toStrictEqual({ [`sku-9 ${W0}`]: counts({ views: 250 }) });
  });

  it('sets a broken record aside with its reason and counts the rest', async () => {
    // Prepare
    const records = [clickRecord(0, 'not json'), clickRecord(1, click(1_000, 'buy', { product_id: 'sku-3' })), clickRecord(2, { ...click(0, 'detail'), user_id: 'has space' })];

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

  it('keys an event by its user, time, name and type, so two users viewing at one instant both count', async () => {
    // Act
    await countDemandBatch(clickRecords([click(0, 'detail', { product_id: 'sku-1' }), click(0, 'detail', { product_id: 'sku-1', user_id: 'u2' })]), options);

    // Assess
    expect(counter.transactions.flatMap((t) => t.eventKeys)).toStrictEqual([`u1#${T0}#detail#click`, `u2#${T0}#detail#click`]);
  });
});
