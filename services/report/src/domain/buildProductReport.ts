import { bucketWindows } from './bucketWindows.js';
import { isWithin } from './isWithin.js';
import { sumProductWindows } from './sumProductWindows.js';
import type { ProductReport, ProductReportRequest, ProductWindowCounts } from './types.js';

/**
 * The `ProductReport` body for a request and the product's windows: only windows starting within
 * [`from`, `to`) count, in the totals and in the buckets (`bucketWindows`).
 *
 * @example
 * buildProductReport({ productId: 'sku-001', period: 'hour', timeZone: 'UTC', from, to, desc: true }, windows)
 * // { product_id: 'sku-001', period: 'hour', …, totals: { views: 120, …, view_to_purchase: 0.05 }, buckets: [{ period: '2026-12-04T14:00:00+00:00', views: 40, … }, …] }
 */
export function buildProductReport(
  request: ProductReportRequest,
  windows: readonly ProductWindowCounts[],
): ProductReport {
  const { productId, period, timeZone, from, to, desc } = request;
  const inRange = windows.filter((window) => window.productId === productId && isWithin(window.windowStart, request));
  return {
    product_id: productId,
    period,
    timezone: timeZone,
    from: from.toISOString(),
    to: to.toISOString(),
    desc,
    totals: sumProductWindows(productId, inRange),
    buckets: bucketWindows(inRange, { period, timeZone, desc }).map(({ period: start, windows: bucket }) => {
      const { product_id, ...totals } = sumProductWindows(productId, bucket);
      return { product_id, period: start, ...totals };
    }),
  };
}
