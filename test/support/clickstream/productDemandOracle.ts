import type { PostedClick } from './sessionsOracle.js';

/** A product's counts in one window, as the product report must show them. */
export interface ExpectedProductWindow {
  views: number;
  carts: number;
  cart_units: number;
  checkouts: number;
  purchases: number;
  units_sold: number;
}

const MEASURES: Record<string, 'views' | 'carts' | 'checkouts' | 'purchases'> = {
  detail: 'views',
  view: 'views',
  view_details: 'views',
  add_to_cart: 'carts',
  checkout: 'checkouts',
  purchase: 'purchases',
  buy: 'purchases',
};

/** The demand service's default `shopperSignalsPerWindow`. */
export const SIGNALS_PER_SHOPPER = 5;

/**
 * Each product's counts per event-time window, computed the plain way from what was posted: every
 * distinct event (user, time, name, type) that names a product counts once by its name, in the
 * window of `periodMs` its time falls in, up to `signalsPerShopper` of each name's measure per user,
 * product and window (the first ones posted). Keys are `product_id` then the window start (epoch ms).
 */
export function productDemandOracle(
  events: readonly PostedClick[],
  periodMs: number,
  signalsPerShopper = SIGNALS_PER_SHOPPER,
): Map<string, Map<number, ExpectedProductWindow>> {
  const distinct = new Map<string, PostedClick>();
  for (const event of events)
    distinct.set(`${event.user_id}|${event.event_timestamp}|${event.event_name}|${event.event_type ?? 'click'}`, event);
  const products = new Map<string, Map<number, ExpectedProductWindow>>();
  const shopperSignals = new Map<string, number>();
  for (const event of distinct.values()) {
    const measure = MEASURES[event.event_name];
    if (!event.product_id || !measure) continue;
    const shopperKey = `${event.user_id}|${event.product_id}|${Math.floor(event.event_timestamp / periodMs)}|${measure}`;
    const signals = shopperSignals.get(shopperKey) ?? 0;
    if (signals >= signalsPerShopper) continue;
    shopperSignals.set(shopperKey, signals + 1);
    const windows = products.get(event.product_id) ?? new Map<number, ExpectedProductWindow>();
    products.set(event.product_id, windows);
    const start = Math.floor(event.event_timestamp / periodMs) * periodMs;
    const window = windows.get(start) ?? {
      views: 0,
      carts: 0,
      cart_units: 0,
      checkouts: 0,
      purchases: 0,
      units_sold: 0,
    };
    windows.set(start, window);
    window[measure]++;
    if (measure === 'carts') window.cart_units += event.quantity ?? 1;
    if (measure === 'purchases') window.units_sold += event.quantity ?? 1;
  }
  return products;
}
