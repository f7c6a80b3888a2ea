import type { DemandMeasure } from './types.js';

/** Version of the `ClickstreamEnvelope` this service reads. */
export const CLICKSTREAM_SCHEMA_VERSION = 1;

/**
 * What a clickstream event that names a product counts as, by `event_name` (the contract's
 * `ProductWindow` lists the same names). Other names are not product demand.
 */
export const DEMAND_MEASURES: Readonly<Record<string, DemandMeasure>> = {
  detail: 'views',
  view: 'views',
  view_details: 'views',
  add_to_cart: 'carts',
  checkout: 'checkouts',
  purchase: 'purchases',
  buy: 'purchases',
};

export const MINUTE_MS = 60_000;

/**
 * The most views, carts, checkouts and purchases (each) one shopper adds to one product window when
 * the `SHOPPER_SIGNALS_PER_WINDOW` setting is empty: a shopper who adds a product to the cart 500
 * times in a minute counts as 5 carts (docs/adr/0018-dynamic-pricing.md, plausibility guards).
 */
export const DEFAULT_SIGNALS_PER_SHOPPER = 5;

/**
 * Shopper tallies an instance of the counting function remembers, least recently used out first:
 * about 150 bytes each, 15 MB in all, and far more than the shoppers of a few minutes' windows.
 */
export const SHOPPER_LEDGER_ENTRIES = 100_000;
