import { QueryReader, type QueryParameters } from '@sdp/shared-http';
import { type FailedEventStatus } from '@sdp/shared-streams';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './constants.js';

const STATUSES: readonly FailedEventStatus[] = ['failed', 'retrying', 'replaying', 'replayed'];

/**
 * `GET /failed-events?status=failed&limit=100`: which status (default `failed`) and how many, newest first.
 *
 * @example
 * parseListRequest({ status: 'replayed' }) // { status: 'replayed', limit: 100 }
 */
export function parseListRequest(query: QueryParameters): { status: FailedEventStatus; limit: number } {
  const reader = new QueryReader(query);
  const status = reader.oneOf('status', STATUSES, 'failed');
  const limit = reader.integer('limit', { min: 1, max: MAX_LIST_LIMIT }, DEFAULT_LIST_LIMIT);
  reader.finish();
  return { status, limit };
}
