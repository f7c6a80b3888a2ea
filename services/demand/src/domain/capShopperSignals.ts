import { isReplayShard, originalShardOf, streamPosition, type Positioned } from '@sdp/shared-streams';
import type { DemandEvent, ShopperTally } from './types.js';

/** What `capShopperSignals` makes of one product window's records. */
export interface CappedSignals {
  /** The records to count, in stream order */
  admitted: Positioned<DemandEvent>[];
  /** Records of shoppers who had reached the cap of their measure in this window */
  capped: number;
  /** Records the tallies had decided already (a re-delivery): neither counted nor capped again */
  decidedBefore: number;
  /** The tallies after these records, to remember once the window is written */
  tallies: Map<string, ShopperTally>;
}

/**
 * The key of one shopper's tally of one measure in one product window.
 *
 * @example
 * shopperSignalKey({ userId: 'u1', productId: 'sku-001', measure: 'carts', … }, '2026-12-04T14:05:00.000Z')
 * // 'sku-001\n2026-12-04T14:05:00.000Z\nu1\ncarts'
 */
export function shopperSignalKey(
  event: Pick<DemandEvent, 'userId' | 'productId' | 'measure'>,
  windowStart: string,
): string {
  return `${event.productId}\n${windowStart}\n${event.userId}\n${event.measure}`;
}

/**
 * Admits at most `signalsPerShopper` views, carts, checkouts and purchases (each) of one shopper to
 * one product window: the records of a window in stream order, against the shoppers' tallies so far
 * (`tallyOf`). A record at or below the position its tally already decided on the same shard is a
 * re-delivery and is skipped; a replay of the failed-events store has no order and is only capped.
 *
 * @example
 * capShopperSignals(fiveHundredCartsOfU1, () => undefined, 5, '2026-12-04T14:05:00.000Z')
 * // { admitted: [the first 5], capped: 495, decidedBefore: 0, tallies: Map { 'sku-001\n…\nu1\ncarts' => { signals: 5, shardId: 'shardId-0…', through: '056…' } } }
 */
export function capShopperSignals(
  records: readonly Positioned<DemandEvent>[],
  tallyOf: (key: string) => ShopperTally | undefined,
  signalsPerShopper: number,
  windowStart: string,
): CappedSignals {
  const outcome: CappedSignals = { admitted: [], capped: 0, decidedBefore: 0, tallies: new Map() };
  for (const record of records) {
    const key = shopperSignalKey(record.value, windowStart);
    const shardId = originalShardOf(record.shardId);
    const position = streamPosition(record.sequenceNumber);
    const replay = isReplayShard(record.shardId);
    const tally = outcome.tallies.get(key) ?? tallyOf(key) ?? { signals: 0, shardId, through: '' };
    if (!replay && tally.shardId === shardId && position <= tally.through) {
      outcome.decidedBefore++;
      continue;
    }
    const admitted = tally.signals < signalsPerShopper;
    if (admitted) outcome.admitted.push(record);
    else outcome.capped++;
    outcome.tallies.set(key, {
      signals: tally.signals + (admitted ? 1 : 0),
      // A replay keeps the shard's position: it comes from the past, and the shard's order goes on.
      ...(replay ? { shardId: tally.shardId, through: tally.through } : { shardId, through: position }),
    });
  }
  return outcome;
}
