import { QueryReader, type QueryParameters } from '@sdp/shared-http';
import { parseUserId } from './parseUserId.js';

/**
 * The user of a `/users/{user_id}…` request: the path's `user_id` checked, and no query parameter,
 * since none of these routes takes one (a misspelt option must not be ignored).
 *
 * @example
 * parseUserRequest({ user_id: 'shopper-1' }, undefined) // 'shopper-1'
 * parseUserRequest({ user_id: 'shopper-1' }, { wait: 'true' }) // throws InvalidRequestError: 'wait' is not a query parameter of this endpoint; it takes none.
 */
export function parseUserRequest(
  pathParameters: Readonly<Record<string, string | undefined>> | undefined,
  query: QueryParameters,
): string {
  new QueryReader(query).finish();
  return parseUserId(pathParameters?.user_id);
}
