import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * A user's tombstone in the erased-users table (the ops service's): while `erased`, every consumer
 * that screens erased users drops the user's records; once `lifted` (un-erased), it drops only the
 * records that entered their stream before `lifted_at`, so the erased data never comes back while
 * new events count again (docs/adr/0022-erasure.md). It is keyed by the user id's SHA-256
 * ({@link userKeyOf}), so the table that must outlive the erasure does not hold the id itself.
 */
export interface Tombstone {
  /** `userKeyOf(user_id)` */
  userKey: string;
  status: 'erased' | 'lifted';
  /** When the tombstone was written (ISO 8601) */
  erasedAt: string;
  /** When it was lifted (ISO 8601), for a `lifted` tombstone */
  liftedAt?: string;
  /** The erasure that wrote it (the erasure log's `erasure_id`) */
  erasureId: string;
}

/**
 * The key of the table's one item that is not a tombstone: a counter every change of a tombstone
 * raises in the same transaction, so a reader learns with one `GetItem` whether its copy of the set
 * is current. `#` is no hex digit, so no user's key can collide.
 */
export const TOMBSTONES_VERSION_KEY = '#version';

/**
 * What the erasure's tables key a user by: the SHA-256 of the user id, in hex. It keeps the id out of
 * the tables that outlive the erasure; ids that can be guessed can be found by hashing guesses, so it
 * hides an id from a reader of the table, not from someone who knows whom to look for.
 *
 * @example
 * userKeyOf('shopper-1') // '5f0d…' (64 hex digits)
 */
export function userKeyOf(userId: string): string {
  return createHash('sha256').update(userId, 'utf8').digest('hex');
}

/**
 * The key of a tombstone (or of the version item).
 *
 * @example
 * tombstoneKeyOf(userKeyOf('shopper-1')) // { user_key: { S: '5f0d…' } }
 */
export function tombstoneKeyOf(userKey: string): Record<string, AttributeValue> {
  return { user_key: { S: userKey } };
}

/** A tombstone as its item. */
export function tombstoneItemOf(tombstone: Tombstone): Record<string, AttributeValue> {
  return {
    ...tombstoneKeyOf(tombstone.userKey),
    status: { S: tombstone.status },
    erased_at: { S: tombstone.erasedAt },
    erasure_id: { S: tombstone.erasureId },
    ...(tombstone.liftedAt === undefined ? {} : { lifted_at: { S: tombstone.liftedAt } }),
  };
}

/**
 * A tombstone from its item; `undefined` for the version item.
 *
 * @example
 * tombstoneOf({ user_key: { S: '5f0d…' }, status: { S: 'erased' }, erased_at: { S: '2026-12-07T09:00:00.000Z' }, erasure_id: { S: 'e1' } })
 * // { userKey: '5f0d…', status: 'erased', erasedAt: '2026-12-07T09:00:00.000Z', erasureId: 'e1' }
 */
export function tombstoneOf(item: Record<string, AttributeValue>): Tombstone | undefined {
  const userKey = item.user_key?.S;
  if (userKey === undefined || userKey === TOMBSTONES_VERSION_KEY) return undefined;
  return {
    userKey,
    status: item.status?.S === 'lifted' ? 'lifted' : 'erased',
    erasedAt: item.erased_at?.S ?? '',
    erasureId: item.erasure_id?.S ?? '',
    ...(item.lifted_at?.S === undefined ? {} : { liftedAt: item.lifted_at.S }),
  };
}
