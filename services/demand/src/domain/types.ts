import type { components } from '@sdp/shared-contract';
import type { GroupCount, Positioned, WindowBounds } from '@sdp/shared-streams';

export type ClickstreamEvent = components['schemas']['ClickstreamEvent'];
export type ProductWindow = components['schemas']['ProductWindow'];

/** What an event counts as in its product's window. */
export type DemandMeasure = 'views' | 'carts' | 'checkouts' | 'purchases';

/** A clickstream event that counts for a product. */
export interface DemandEvent {
  userId: string;
  /** `<user_id>#<clickstreamEventKey>`: the logical event, whichever record carries it */
  eventKey: string;
  productId: string;
  eventTimestamp: number;
  measure: DemandMeasure;
  /** Items added or bought; 1 when the event does not say */
  quantity: number;
}

/** What a set of events adds to a product window. */
export type DemandIncrements = Pick<
  ProductWindow,
  'views' | 'carts' | 'cart_units' | 'checkouts' | 'purchases' | 'units_sold'
>;

/** One product's event-time window. */
export interface ProductWindowBounds extends WindowBounds {
  productId: string;
  periodMinutes: number;
}

/**
 * What sessions decided about a user's records (its state item, docs/adr/0019-counting-per-batch.md):
 * per clickstream shard the position of the last record decided, and the records it did not add.
 */
export interface SessionDecisions {
  positions: Record<string, string>;
  /** `<shardId> <position>` of the records sessions did not add (copies, too late) */
  skipped: Set<string>;
  /** Set when sessions took the user for a bot by its rate (`RateVerdict` of `@sdp/sessions`) */
  bot?: { sinceMs: number; from: Record<string, string> };
}

/** The sessions table as demand reads it: users' decisions; users without a state are absent. */
export interface SessionVerdicts {
  load(userIds: readonly string[]): Promise<Map<string, SessionDecisions>>;
}

/**
 * What one shopper added to one measure of one product window so far: the signals counted, and the
 * position of the last of the shopper's records decided for it (counted or capped) on its shard, so
 * a re-delivered record is not tallied twice.
 */
export interface ShopperTally {
  signals: number;
  shardId: string;
  /** `streamPosition` of the last record decided from `shardId`; '' when none was */
  through: string;
}

/**
 * The shoppers' tallies an instance of the counting function remembers, by `shopperSignalKey`.
 * Implemented in memory (`inMemoryShopperLedger`): no write per event or shopper (ADR 18).
 */
export interface ShopperLedger {
  get(key: string): ShopperTally | undefined;
  set(key: string, tally: ShopperTally): void;
}

/**
 * The product windows table as the algorithm needs it. Implemented by
 * `dynamoDbProductWindowCounter`; unit tests use an in-memory fake with the same positional semantics.
 */
export interface ProductWindowCounter {
  /**
   * Adds records of one window (in stream order) all or nothing, skipping those the window already
   * counted from their shard (or replay); rejects when the window could not be written.
   */
  count(
    window: ProductWindowBounds,
    records: readonly Positioned<DemandEvent>[],
    updatedAt: string,
  ): Promise<GroupCount>;
}
