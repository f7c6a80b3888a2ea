import { QueryReader, type QueryParameters } from '@sdp/shared-http';
import { checkListRange } from './checkListRange.js';
import {
  DEFAULT_LIMIT,
  DEFAULT_LIST_RANGE_MS,
  DEFAULT_PRODUCT_SORT,
  MAX_LIMIT,
  PRODUCT_SORT_KEYS,
} from './constants.js';
import type { ProductListRequest } from './types.js';

/**
 * Checks a `GET /reports/products` request and applies the defaults: `to` now, `from` 24 hours
 * before `to`, `sort=views`, `desc=true`, `limit=100`. The range may span at most 366 days.
 *
 * @example
 * parseProductListRequest({ sort: 'view_to_purchase', limit: '5' }, now)
 * // { from: now - 24 h, to: now, sort: 'view_to_purchase', desc: true, limit: 5 }
 */
export function parseProductListRequest(parameters: QueryParameters, now: Date): ProductListRequest {
  const query = new QueryReader(parameters);
  const to = query.instant('to', now);
  const from = query.instant('from', new Date(to.getTime() - DEFAULT_LIST_RANGE_MS));
  const sort = query.oneOf('sort', PRODUCT_SORT_KEYS, DEFAULT_PRODUCT_SORT);
  const desc = query.boolean('desc', true);
  const limit = query.integer('limit', { min: 1, max: MAX_LIMIT }, DEFAULT_LIMIT);
  if (query.isValid('from', 'to')) checkListRange(query, from, to);
  query.finish();
  return { from, to, sort, desc, limit };
}
