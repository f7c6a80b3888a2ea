import { InvalidRequestError } from '@sdp/shared-http';

/** The contract's `UserId`. */
const USER_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The `user_id` of a path (`/users/{user_id}`), URL-decoded and checked against the contract's `UserId`.
 *
 * @example
 * parseUserId('shopper-1')   // 'shopper-1'
 * parseUserId('a%2Fb')       // throws InvalidRequestError: user_id must be 1 to 128 letters, digits or ._:@-; got 'a/b'.
 */
export function parseUserId(value: string | undefined): string {
  const userId = value === undefined ? '' : safeDecode(value);
  if (USER_ID.test(userId)) return userId;
  throw new InvalidRequestError(
    `user_id must be 1 to 128 letters, digits or ._:@- (the clickstream's user_id); got '${userId.slice(0, 100)}'.`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
