import { DAY_MS, DEFAULT_LIMIT, DEFAULT_LIST_RANGE_MS, DEFAULT_SORT, MAX_LIMIT, MAX_LIST_RANGE_DAYS, SORT_KEYS } from './constants.js';
import { QueryReader, type QueryParameters } from '@sdp/shared';
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
  if (query.isValid('from', 'to')) checkRange(query, from, to);
  query.finish();
  return { from, to, sort, desc, limit };
}

function checkRange(query: QueryReader, from: Date, to: Date): void {
  const span = `from ${from.toISOString()} and to ${to.toISOString()}`;
  if (from >= to) query.addProblem(`from must be before to; got ${span}.`);
  else if (to.getTime() - from.getTime() > MAX_LIST_RANGE_DAYS * DAY_MS) {
    const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
    query.addProblem(`from and to may be at most ${MAX_LIST_RANGE_DAYS} days apart; got ${span}, about ${days} days. Ask for several shorter ranges.`);
  }
}
