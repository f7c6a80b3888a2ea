import type { Tombstone } from '@sdp/shared-streams';
import type { Erasure, UserErasure } from './types.js';

/**
 * The answer of `GET /users/{user_id}/erasure`: the user's tombstone, if any, and their log.
 *
 * @example
 * userErasureOf('u1', { userKey: '5f0d…', status: 'erased', erasedAt: '2026-12-07T09:00:00.000Z', erasureId: 'e1' }, [entry])
 * // { user_id: 'u1', tombstone: { status: 'erased', erased_at: '2026-12-07T09:00:00.000Z' }, erasures: [entry] }
 */
export function userErasureOf(userId: string, tombstone: Tombstone | undefined, erasures: Erasure[]): UserErasure {
  return {
    user_id: userId,
    ...(tombstone
      ? {
          tombstone: {
            status: tombstone.status,
            erased_at: tombstone.erasedAt,
            ...(tombstone.liftedAt === undefined ? {} : { lifted_at: tombstone.liftedAt }),
          },
        }
      : {}),
    erasures,
  };
}
