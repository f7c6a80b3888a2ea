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
