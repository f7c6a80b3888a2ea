import { QueryReader, type QueryParameters } from '@sdp/shared-http';
import {
  DAY_MS,
  DEFAULT_ORPHAN_LIMIT,
  DEFAULT_ORPHAN_RANGE_MS,
  MAX_ORPHAN_LIMIT,
  MAX_ORPHAN_RANGE_DAYS,
} from './constants.js';
import type { OrphanRequest } from './types.js';

/**
 * Checks a `GET /orphans` request and applies the defaults: `to` now, `from` 24 hours before `to`,
 * `limit=100` (0 lists no tx_ids, only counts). The range may span at most 31 days.
 *
 * @example
 * parseOrphanRequest({ limit: '0' }, now)
 * // { from: now - 24 h, to: now, limit: 0 }
 */
export function parseOrphanRequest(parameters: QueryParameters, now: Date): OrphanRequest {
  const query = new QueryReader(parameters);
  const to = query.instant('to', now);
  const from = query.instant('from', new Date(to.getTime() - DEFAULT_ORPHAN_RANGE_MS));
  const limit = query.integer('limit', { min: 0, max: MAX_ORPHAN_LIMIT }, DEFAULT_ORPHAN_LIMIT);
  if (query.isValid('from', 'to')) checkRange(query, from, to);
  query.finish();
  return { from, to, limit };
}

function checkRange(query: QueryReader, from: Date, to: Date): void {
  const span = `from ${from.toISOString()} and to ${to.toISOString()}`;
  if (from >= to) query.addProblem(`from must be before to; got ${span}.`);
  else if (to.getTime() - from.getTime() > MAX_ORPHAN_RANGE_DAYS * DAY_MS) {
    const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
    query.addProblem(
      `from and to may be at most ${MAX_ORPHAN_RANGE_DAYS} days apart; got ${span}, about ${days} days. Ask for several shorter ranges.`,
    );
  }
}
