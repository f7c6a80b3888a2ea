import type { EraseUsersResult, FailedEvent } from '@sdp/shared-streams';
import { failedEventNamesUser } from './failedEventNamesUser.js';

type Candidate = Pick<FailedEvent, 'failure_id' | 'partition_key' | 'data' | 'error_message'>;

export interface EraseFailedEventsDeps {
  /** The records whose data, partition key or error contains any of the ids as text (a superset) */
  candidates(userIds: readonly string[]): Promise<Candidate[]>;
  remove(failureIds: readonly string[]): Promise<void>;
}

/**
 * Removes the failed records of the users from the failed-events store: those whose partition key,
 * data or error names one of them ({@link failedEventNamesUser}), counted per user.
 *
 * @example
 * await eraseFailedEventsOf(['u1'], deps) // { removed: { u1: { failed_events: 2 } } }
 */
export async function eraseFailedEventsOf(
  userIds: readonly string[],
  deps: EraseFailedEventsDeps,
): Promise<EraseUsersResult> {
  const candidates = await deps.candidates(userIds);
  const removed: EraseUsersResult['removed'] = Object.fromEntries(userIds.map((id) => [id, { failed_events: 0 }]));
  const doomed = new Set<string>();
  for (const candidate of candidates) {
    for (const userId of userIds) {
      if (!failedEventNamesUser(candidate, userId)) continue;
      removed[userId]!.failed_events!++;
      doomed.add(candidate.failure_id);
    }
  }
  await deps.remove([...doomed]);
  return { removed };
}
