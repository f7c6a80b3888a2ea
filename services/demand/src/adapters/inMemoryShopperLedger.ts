import type { ShopperLedger, ShopperTally } from '../domain/types.js';

/**
 * The shoppers' tallies in the memory of one instance of the counting function, at most
 * `maxEntries`, the least recently used forgotten first (a forgotten shopper may add up to the cap
 * again to a window). A user's records all come from one clickstream shard, and Lambda hands a
 * shard's batches to one instance at a time, usually the same: so a shopper adds at most the cap
 * per product window and instance that counted their shard in it, at no DynamoDB cost
 * (docs/adr/0018-dynamic-pricing.md).
 *
 * @example
 * const ledger = inMemoryShopperLedger(100_000);
 * ledger.set('sku-001\n2026-12-04T14:05:00.000Z\nu1\ncarts', { signals: 5, shardId: 'shardId-000000000000', through: '056…' });
 * ledger.get('sku-001\n2026-12-04T14:05:00.000Z\nu1\ncarts') // { signals: 5, … }
 */
export function inMemoryShopperLedger(maxEntries: number): ShopperLedger {
  const tallies = new Map<string, ShopperTally>();
  return {
    get(key) {
      const tally = tallies.get(key);
      if (tally === undefined) return undefined;
      // A Map iterates in insertion order: moving the entry to the end makes it the most recent.
      tallies.delete(key);
      tallies.set(key, tally);
      return tally;
    },
    set(key, tally) {
      tallies.delete(key);
      if (tallies.size >= maxEntries) tallies.delete(tallies.keys().next().value!);
      tallies.set(key, tally);
    },
  };
}
