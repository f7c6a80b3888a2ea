import type { components, WindowBounds } from '@sdp/shared';

export type ClickstreamEvent = components['schemas']['ClickstreamEvent'];
export type ProductWindow = components['schemas']['ProductWindow'];

/** What an event counts as in its product's window. */
export type DemandMeasure = 'views' | 'carts' | 'checkouts' | 'purchases';

/** A clickstream event that counts for a product. */
export interface DemandEvent {
  /** `<user_id>#<clickstreamEventKey>`: the logical event, whichever record carries it */
  eventKey: string;
  productId: string;
  eventTimestamp: number;
  measure: DemandMeasure;
  /** Items added or bought; 1 when the event does not say */
  quantity: number;
}

/** What a set of events adds to a product window. */
export type DemandIncrements = Pick<ProductWindow, 'views' | 'carts' | 'cart_units' | 'checkouts' | 'purchases' | 'units_sold'>;

/**
 * One all-or-nothing write: claim every event key (each at most once, ever) and `ADD` the
 * increments of exactly those events to the product's window.
 */
export interface ProductWindowCount extends WindowBounds {
  productId: string;
  periodMinutes: number;
  /** Keys of the logical events counted, distinct, at most `EVENTS_PER_TRANSACTION` */
  eventKeys: string[];
  increments: DemandIncrements;
  /** When the claims may be forgotten, in Unix seconds */
  expiresAt: number;
  /** ISO 8601 time of the update */
  updatedAt: string;
}

/**
 * The product windows table and its counted events table as the algorithm needs them.
 * Implemented by `dynamoDbProductWindowCounter`; unit tests use an in-memory fake.
 */
export interface ProductWindowCounter {
  /**
   * Applies the count in one transaction, unless some of its event keys were claimed before: then
   * nothing changes and those keys come back. Rejects on any other failure.
   */
  countOnce(count: ProductWindowCount): Promise<{ alreadyCounted: string[] }>;
}
