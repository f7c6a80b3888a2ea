import { QueryReader, type QueryParameters } from '@sdp/shared-http';
import { DEFAULT_SESSIONS_LIMIT, MAX_SESSIONS_LIMIT, USER_ID_PATTERN } from './constants.js';
import type { SessionsRequest } from './types.js';

/**
 * Checks a `GET /sessions` request: `user_id` required; `from`/`to` optional bounds on the
 * sessions' times; `include_merged=false`, `limit=100` by default.
 *
 * @example
 * parseSessionsRequest({ user_id: 'u1', limit: '10' }) // { userId: 'u1', includeMerged: false, limit: 10 }
 */
export function parseSessionsRequest(parameters: QueryParameters): SessionsRequest {
  const query = new QueryReader(parameters);
  const userId = query.text('user_id', {
    pattern: USER_ID_PATTERN,
    what: '1 to 128 letters, digits or ._:@-',
    required: true,
  });
  const from = query.instant('from');
  const to = query.instant('to');
  const includeMerged = query.boolean('include_merged', false);
  const limit = query.integer('limit', { min: 1, max: MAX_SESSIONS_LIMIT }, DEFAULT_SESSIONS_LIMIT);
  if (from && to && query.isValid('from', 'to') && from >= to)
    query.addProblem(`from must be before to; got from ${from.toISOString()} and to ${to.toISOString()}.`);
  query.finish();
  return { userId: userId ?? '', ...(from ? { from } : {}), ...(to ? { to } : {}), includeMerged, limit };
}
