/** How long each demo trend cycle lasts: a product trends for the first half of it, then fades. */
export const TREND_PERIOD_MS = 20 * 60_000;

const TRENDING_SHARE = 0.4;
const FADED_SHARE = 0.02;

/**
 * Which product of the demo shop trends at `nowMs`, and how much: every `TREND_PERIOD_MS` another
 * product (picked by the period's number) suddenly draws 40 % of the product views, carts and
 * purchases for ten minutes, then fades back. The trending product comes first, as `planShopVisit`
 * wants it, so the dynamic pricing has a surge to follow and a calm to relax after.
 *
 * @example
 * shopTrend(['sku-001', 'sku-002', 'sku-003'], Date.parse('2026-12-04T15:05:00Z'))
 * // { products: ['sku-002', 'sku-001', 'sku-003'], hotShare: 0.4 }
 */
export function shopTrend(
  products: readonly string[],
  nowMs: number,
  periodMs = TREND_PERIOD_MS,
): { products: string[]; hotShare: number } {
  const period = Math.floor(nowMs / periodMs);
  const hot = products[(period * 7919) % products.length]!;
  const trending = nowMs - period * periodMs < periodMs / 2;
  return {
    products: [hot, ...products.filter((product) => product !== hot)],
    hotShare: trending ? TRENDING_SHARE : FADED_SHARE,
  };
}
