import { InvalidRequestError } from '@sdp/shared-http';
import { derivedEventId } from './derivedEventId.js';

const VALID_KEY = /^[\x21-\x7e]{1,256}$/;

/**
 * The `event_id` of a new event. Without an `Idempotency-Key` it is a fresh UUID; with one it is
 * derived from the sender's tenant, the event type (`bid`, `imp`, `click`, `clickstream`) and the
 * key, so a client that resends an event after a timeout gets the same `event_id` and downstream
 * de-duplication drops the copy, while another tenant's key of the same text names another event.
 *
 * @example
 * eventIdFor('acme', 'bid', 'order-42', randomUUID) // always '…' for ('acme', 'bid', 'order-42'): a UUID version 8
 */
export function eventIdFor(
  tenant: string,
  type: string,
  idempotencyKey: string | undefined,
  newId: () => string,
): string {
  if (idempotencyKey === undefined) return newId();
  if (!VALID_KEY.test(idempotencyKey)) {
    throw new InvalidRequestError('Idempotency-Key must be 1 to 256 visible ASCII characters (no spaces).');
  }
  return derivedEventId(tenant, type, idempotencyKey);
}
