import { streamPosition, type Positioned } from '@sdp/shared-streams';
import { inMemoryShopperLedger } from '../src/adapters/inMemoryShopperLedger.js';
import { capShopperSignals, shopperSignalKey } from '../src/domain/capShopperSignals.js';
import type { DemandEvent, ShopperTally } from '../src/domain/types.js';
import { SHARD_0, sequenceOf, T0 } from './support/clickstreamRecords.js';

const W0 = '2026-12-04T14:05:00.000Z';
const SHARD_1 = 'shardId-000000000001';
const CARTS_KEY = `sku-1\n${W0}\nu1\ncarts`;

/** The record at position `n` of `shardId`: `userId` adds sku-1 to the cart (or `measure`). */
function signal(
  n: number,
  {
    userId = 'u1',
    measure = 'carts',
    shardId = SHARD_0,
  }: { userId?: string; measure?: DemandEvent['measure']; shardId?: string } = {},
): Positioned<DemandEvent> {
  return {
    shardId,
    sequenceNumber: sequenceOf(n),
    value: {
      userId,
      eventKey: `${userId}#${T0 + n}`,
      productId: 'sku-1',
      eventTimestamp: T0 + n,
      measure,
      quantity: 1,
    },
  };
}

describe('capShopperSignals', () => {
  it('admits the first signals of each shopper and measure up to the cap and counts the rest as capped', () => {
    // Prepare
    const records = [
      signal(0),
      signal(1),
      signal(2, { userId: 'u2' }),
      signal(3),
      signal(4, { measure: 'views' }),
      signal(5),
    ];

    // Act
    const outcome = capShopperSignals(records, () => undefined, 2, W0);

    // Assess
    expect(outcome).toStrictEqual({
      admitted: [records[0], records[1], records[2], records[4]],
      capped: 2,
      decidedBefore: 0,
      tallies: new Map<string, ShopperTally>([
        [CARTS_KEY, { signals: 2, shardId: SHARD_0, through: streamPosition(sequenceOf(5)) }],
        [`sku-1\n${W0}\nu2\ncarts`, { signals: 1, shardId: SHARD_0, through: streamPosition(sequenceOf(2)) }],
        [`sku-1\n${W0}\nu1\nviews`, { signals: 1, shardId: SHARD_0, through: streamPosition(sequenceOf(4)) }],
      ]),
    });
  });

  it('starts from the tallies so far and skips the records they decided already', () => {
    // Prepare: u1 added 1 cart through position 3 of shard 0
    const known = { signals: 1, shardId: SHARD_0, through: streamPosition(sequenceOf(3)) };

    // Act
    const outcome = capShopperSignals(
      [signal(2), signal(3), signal(4), signal(5)],
      (key) => (key === CARTS_KEY ? known : undefined),
      2,
      W0,
    );

    // Assess
    expect(outcome).toStrictEqual({
      admitted: [signal(4)],
      capped: 1,
      decidedBefore: 2,
      tallies: new Map([[CARTS_KEY, { signals: 2, shardId: SHARD_0, through: streamPosition(sequenceOf(5)) }]]),
    });
  });

  it('caps a replay of the failed-events store without moving the shard’s position, and compares no positions across shards', () => {
    // Prepare: u1 added 1 cart through position 9 of shard 0
    const known = { signals: 1, shardId: SHARD_0, through: streamPosition(sequenceOf(9)) };
    const replay = signal(4, { shardId: `${SHARD_0}-replay` });
    const resharded = signal(2, { shardId: SHARD_1 });

    // Act
    const outcome = capShopperSignals([replay, resharded, signal(3, { shardId: SHARD_1 })], () => known, 3, W0);

    // Assess
    expect(outcome).toStrictEqual({
      admitted: [replay, resharded],
      capped: 1,
      decidedBefore: 0,
      tallies: new Map([[CARTS_KEY, { signals: 3, shardId: SHARD_1, through: streamPosition(sequenceOf(3)) }]]),
    });
  });

  it('names a tally by product, window, shopper and measure', () => {
    // Act & Assess
    expect(shopperSignalKey({ userId: 'u1', productId: 'sku-1', measure: 'carts' }, W0)).toBe(CARTS_KEY);
  });
});

describe('inMemoryShopperLedger', () => {
  it('forgets the least recently used tally first', () => {
    // Prepare
    const ledger = inMemoryShopperLedger(2);
    const tally = (signals: number) => ({ signals, shardId: SHARD_0, through: '' });
    ledger.set('a', tally(1));
    ledger.set('b', tally(2));
    ledger.get('a');

    // Act
    ledger.set('c', tally(3));

    // Assess
    expect([ledger.get('a'), ledger.get('b'), ledger.get('c')]).toStrictEqual([tally(1), undefined, tally(3)]);
  });
});
