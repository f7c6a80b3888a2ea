import type { EraseUsersResult, StreamBatchOutcome, TableChange } from '@sdp/shared-streams';
import { LAKE_ROWS_TALLY } from './erasedCountsOf.js';
import type { ErasureOwners, ErasureStore } from './types.js';

export interface CompleteErasuresDeps {
  owners: ErasureOwners;
  store: Pick<ErasureStore, 'tally' | 'completeErasure'>;
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
 * (sessions, orders, the lake; the failed-events store), all users of the batch at once, adds what
 * each removed to the entries' tallies as soon as it is done, and marks each entry `erased`. Every
 * step is idempotent, so a crash anywhere is made good by the re-delivered change: the next pass
 * removes what is left, adds it to the tallies, and the entry is completed once.
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
  // A user erased twice in a row has one pass: its counts go to the newest entry, once.
  const counted = userIds.map((userId) =>
    pending.filter((entry) => entry.userId === userId).reduce((a, b) => (a.erasureId > b.erasureId ? a : b)),
  );
  // Each store's counts are tallied as soon as it is done: a pass that dies later keeps them.
  const erase = async (
    owner: (ids: readonly string[]) => Promise<EraseUsersResult>,
    talliesOf: (counts: Record<string, number>) => Record<string, number>,
  ) => {
    const { removed } = await owner(userIds);
    for (const { userId, erasureId } of counted)
      await deps.store.tally(userId, erasureId, talliesOf(removed[userId] ?? {}));
  };
  await Promise.all([
    erase(deps.owners.sessions, ({ session_items = 0 }) => ({ session_items })),
    erase(deps.owners.orders, ({ order_lines = 0 }) => ({ order_lines })),
    erase(deps.owners.failedEvents, ({ failed_events = 0 }) => ({ failed_events })),
    erase(deps.owners.lake, ({ partitions_rewritten = 0, ...rows }) => ({
      lake_partitions_rewritten: partitions_rewritten,
      ...Object.fromEntries(Object.entries(rows).map(([table, count]) => [`${LAKE_ROWS_TALLY}${table}`, count])),
    })),
  ]);
  const completedAt = deps.now().toISOString();
  let completed = 0;
  for (const { userId, erasureId } of pending)
    if (await deps.store.completeErasure(userId, erasureId, completedAt)) completed++;
  return { batchItemFailures: [], completed, alreadyDone: pending.length - completed };
}
