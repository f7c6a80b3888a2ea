/** Every this long another product of the demo shop starts trending, for twice as long. */
export const TREND_PERIOD_MS = 20 * 60_000;

/** The share of product picks that go to the trending products, together. */
const TRENDING_SHARE = 0.4;

/** What the shop's visitors are drawn to at a moment: the trending products first, and their share of picks. */
export interface ShopTrend {
  /** Every product, the trending ones first */
  products: string[];
  /** How many of the first `products` trend */
  hotCount: number;
  /** The share of picks that go to one of them */
  hotShare: number;
}

/**
 * Which products of the demo shop trend at `nowMs`: every `periodMs` (20 minutes) another product,
 * picked by the period's number, suddenly draws views, carts and purchases, for two periods (40
 * minutes), then fades back; so two products trend at any time, one for less than 20 minutes, one
 * for more, and together they draw 40 % of the picks. A trend outlasts the demand model's 15-minute
 * horizons, so demand that has risen for a few minutes keeps rising over the next horizon: a surge
 * the model can learn to see coming, and a calm after it for prices to relax in. Periods start at
 * `anchorMs` (and every period before and after it), so a demo can start with a product a few
 * minutes into its trend.
 *
 * @example
 * shopTrend(['sku-001', 'sku-002', 'sku-003'], Date.parse('2026-12-04T15:05:00Z'))
 * // { products: ['sku-002', 'sku-003', 'sku-001'], hotCount: 2, hotShare: 0.4 }
 */
export function shopTrend(
  products: readonly string[],
  nowMs: number,
  periodMs = TREND_PERIOD_MS,
  anchorMs = 0,
): ShopTrend {
  const period = Math.floor((nowMs - anchorMs) / periodMs);
  const productOf = (n: number) => products[(((n * 7919) % products.length) + products.length) % products.length]!;
  const hot = [productOf(period), productOf(period - 1)];
  return {
    products: [...hot, ...products.filter((product) => !hot.includes(product))],
    hotCount: hot.length,
    hotShare: TRENDING_SHARE,
  };
}
