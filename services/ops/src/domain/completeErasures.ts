import type { EraseUsersResult, StreamBatchOutcome, TableChange } from '@sdp/shared-streams';
import type { ErasedCounts, ErasureOwners, ErasureStore } from './types.js';

export interface CompleteErasuresDeps {
  owners: ErasureOwners;
  store: Pick<ErasureStore, 'completeErasure'>;
  /**
   * How long after its tombstone an erasure starts removing data: the longest a consumer's batch
   * that read the tombstones just before it was written can still be writing
   */
  settleMs: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export interface CompleteErasuresOutcome extends StreamBatchOutcome {
  completed: number;
  /** Entries that were done before (a re-delivered change) */
  alreadyDone: number;
}

/**
 * The erasure worker, on changes of the erasure log: for the entries that are `erasing`, waits until
 * their tombstones are `settleMs` old, asks every service that keeps users' data to remove theirs
 * (sessions, orders, the lake; the failed-events store), all users of the batch at once, and marks
 * each entry `erased` with what was removed. Every step is idempotent, so a crash anywhere is made
 * good by the re-delivered change: the next pass removes what is left and the entry is completed once.
 *
 * @example
 * await completeErasures([{ sequenceNumber: '1', newImage: { user_id: 'u1', erasure_id: 'e1', action: 'erase', status: 'erasing', … } }], deps)
 * // { batchItemFailures: [], completed: 1, alreadyDone: 0 }
 */
export async function completeErasures(
  changes: readonly TableChange[],
  deps: CompleteErasuresDeps,
): Promise<CompleteErasuresOutcome> {
  const pending = changes
    .map((change) => change.newImage)
    .filter((image) => image?.action === 'erase' && image.status === 'erasing')
    .map((image) => ({
      userId: String(image!.user_id),
      erasureId: String(image!.erasure_id),
      requestedAtMs: Date.parse(String(image!.requested_at)),
    }));
  if (pending.length === 0) return { batchItemFailures: [], completed: 0, alreadyDone: 0 };
  const settledAt = Math.max(...pending.map((entry) => entry.requestedAtMs)) + deps.settleMs;
  const wait = settledAt - deps.now().getTime();
  if (wait > 0) await deps.sleep(wait);

  const userIds = [...new Set(pending.map((entry) => entry.userId))];
  const [sessions, orders, lake, failedEvents] = await Promise.all([
    deps.owners.sessions(userIds),
    deps.owners.orders(userIds),
    deps.owners.lake(userIds),
    deps.owners.failedEvents(userIds),
  ]);
  const completedAt = deps.now().toISOString();
  let completed = 0;
  for (const { userId, erasureId } of pending) {
    const removed = erasedCountsOf(userId, { sessions, orders, lake, failedEvents });
    if (await deps.store.completeErasure(userId, erasureId, removed, completedAt)) completed++;
  }
  return { batchItemFailures: [], completed, alreadyDone: pending.length - completed };
}

/** One user's counts from the services' answers. */
function erasedCountsOf(
  userId: string,
  results: Record<'sessions' | 'orders' | 'lake' | 'failedEvents', EraseUsersResult>,
): ErasedCounts {
  const of = (result: EraseUsersResult) => result.removed[userId] ?? {};
  const { partitions_rewritten = 0, ...lakeRows } = of(results.lake);
  return {
    session_items: of(results.sessions).session_items ?? 0,
    order_lines: of(results.orders).order_lines ?? 0,
    failed_events: of(results.failedEvents).failed_events ?? 0,
    lake_rows: lakeRows,
    lake_partitions_rewritten: partitions_rewritten,
  };
}
