import { ErasureInProgressError, UserErasureNotFoundError } from './errors.js';
import type { ErasureStore, Requester, UserErasure } from './types.js';
import { userErasureOf } from './userErasureOf.js';

export interface LiftTombstoneDeps {
  store: Pick<ErasureStore, 'tombstone' | 'history' | 'lift'>;
  now: () => Date;
  randomId: () => string;
}

/**
 * Un-erases a user (`DELETE /users/{user_id}/tombstone`): events that enter the clickstream from now
 * on count again; what was erased stays erased. Refused while an erasure of the user still removes
 * data (it would remove the new events too); lifting a lifted tombstone changes nothing.
 *
 * @example
 * await liftTombstone('u1', { tenant: 'acme', key_id: 'k1' }, deps)
 * // { user_id: 'u1', tombstone: { status: 'lifted', erased_at: '…', lifted_at: '…' }, erasures: [lift, erase] }
 */
export async function liftTombstone(
  userId: string,
  requester: Requester,
  deps: LiftTombstoneDeps,
): Promise<UserErasure> {
  const [tombstone, history] = await Promise.all([deps.store.tombstone(userId), deps.store.history(userId)]);
  if (!tombstone) throw new UserErasureNotFoundError(userId);
  const running = history.find((entry) => entry.status === 'erasing');
  if (running) throw new ErasureInProgressError(userId, running.erasure_id);
  if (tombstone.status === 'lifted') return userErasureOf(userId, tombstone, history);
  const liftedAt = deps.now().toISOString();
  const entry = {
    user_id: userId,
    erasure_id: `${liftedAt}_${deps.randomId()}`,
    action: 'lift' as const,
    status: 'lifted' as const,
    requested_at: liftedAt,
    requested_by: requester,
  };
  const lifted = { ...tombstone, status: 'lifted' as const, liftedAt };
  // Another request lifted or erased it meanwhile: answer with what is there now.
  if (!(await deps.store.lift(lifted, entry)))
    return userErasureOf(userId, await deps.store.tombstone(userId), await deps.store.history(userId));
  return userErasureOf(userId, lifted, [entry, ...history]);
}
