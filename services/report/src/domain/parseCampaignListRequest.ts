import { checkListRange } from './checkListRange.js';
import { DEFAULT_LIMIT, DEFAULT_LIST_RANGE_MS, DEFAULT_SORT, MAX_LIMIT, SORT_KEYS } from './constants.js';
import { QueryReader, type QueryParameters } from '@sdp/shared-http';
import type { CampaignListRequest } from './types.js';

/**
 * Checks a `GET /reports/campaigns` request and applies the defaults: `to` now, `from` 24 hours
 * before `to`, `sort=bids`, `desc=true`, `limit=100`. The range may span at most 366 days.
 *
 * @example
 * parseCampaignListRequest({ sort: 'ctr', limit: '10' }, now)
 * // { from: now - 24 h, to: now, sort: 'ctr', desc: true, limit: 10 }
 */
export function parseCampaignListRequest(parameters: QueryParameters, now: Date): CampaignListRequest {
  const query = new QueryReader(parameters);
  const to = query.instant('to', now);
  const from = query.instant('from', new Date(to.getTime() - DEFAULT_LIST_RANGE_MS));
  const sort = query.oneOf('sort', SORT_KEYS, DEFAULT_SORT);
  const desc = query.boolean('desc', true);
  const limit = query.integer('limit', { min: 1, max: MAX_LIMIT }, DEFAULT_LIMIT);
  if (query.isValid('from', 'to')) checkListRange(query, from, to);
  query.finish();
  return { from, to, sort, desc, limit };
}
