import { parseProductId, QueryReader, type QueryParameters } from '@sdp/shared-http';
import { DEFAULT_PRODUCT_PERIOD } from './constants.js';
import { readPeriodQuery } from './readPeriodQuery.js';
import type { ProductReportRequest } from './types.js';

/**
 * Checks a `GET /reports/products/{product_id}` request and applies the defaults: `period=hour`,
 * `timezone=UTC`, `from` the Unix epoch, `to` now, `desc=true`.
 *
 * @example
 * parseProductReportRequest({ productId: 'sku-001', query: { period: 'day', timezone: 'Europe/Paris' } }, now)
 * // { productId: 'sku-001', period: 'day', timeZone: 'Europe/Paris', from: 1970-01-01T00:00:00.000Z, to: now, desc: true }
 */
export function parseProductReportRequest(
  request: { productId: string | undefined; query?: QueryParameters },
  now: Date,
): ProductReportRequest {
  const productId = parseProductId(request.productId);
  const query = new QueryReader(request.query);
  const bucketing = readPeriodQuery(query, DEFAULT_PRODUCT_PERIOD, now);
  query.finish();
  return { productId, ...bucketing };
}
