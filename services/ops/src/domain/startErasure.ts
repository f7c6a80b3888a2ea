import { userKeyOf } from '@sdp/shared-streams';
import type { Erasure, ErasureStore, Requester } from './types.js';

export interface StartErasureDeps {
  store: Pick<ErasureStore, 'startErasure'>;
  now: () => Date;
  /** A short random suffix that keeps two erasures of one millisecond apart */
  randomId: () => string;
}

/**
 * Starts the erasure of a user (`DELETE /users/{user_id}`): the tombstone and the log's `erasing`
 * entry, written together, before any data is touched, so that nothing of the user arrives while
 * it is removed. Erasing an erased user starts another pass, which removes whatever is left.
 *
 * @example
 * await startErasure('u1', { tenant: 'acme', key_id: 'k1' }, deps)
 * // { user_id: 'u1', erasure_id: '2026-12-07T09:00:00.000Z_1a2b3c4d', action: 'erase', status: 'erasing', … }
 */
export async function startErasure(userId: string, requester: Requester, deps: StartErasureDeps): Promise<Erasure> {
  const requestedAt = deps.now().toISOString();
  const entry: Erasure = {
    user_id: userId,
    erasure_id: `${requestedAt}_${deps.randomId()}`,
    action: 'erase',
    status: 'erasing',
    requested_at: requestedAt,
    requested_by: requester,
  };
  await deps.store.startErasure(
    { userKey: userKeyOf(userId), status: 'erased', erasedAt: requestedAt, erasureId: entry.erasure_id },
    entry,
  );
  return entry;
}
