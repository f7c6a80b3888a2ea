import { parseProductId, QueryReader, type QueryParameters } from '@sdp/shared-http';
import { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './constants.js';

/**
 * Checks a `GET /products/{product_id}/price-history` request; `limit=50` by default.
 *
 * @example
 * parsePriceHistoryRequest('sku-001', { limit: '10' }) // { productId: 'sku-001', limit: 10 }
 */
export function parsePriceHistoryRequest(
  productId: string | undefined,
  parameters: QueryParameters,
): { productId: string; limit: number } {
  const id = parseProductId(productId);
  const query = new QueryReader(parameters);
  const limit = query.integer('limit', { min: 1, max: MAX_HISTORY_LIMIT }, DEFAULT_HISTORY_LIMIT);
  query.finish();
  return { productId: id, limit };
}
