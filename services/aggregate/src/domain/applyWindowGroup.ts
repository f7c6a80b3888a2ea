import { SLOW_PATH_ATTEMPTS } from './constants.js';
import { countIncrements } from './countIncrements.js';
import { WindowUpdateConflictError } from './errors.js';
import type { CountableRecord, GroupOutcome, WindowGroup, WindowTable, WindowUpdate } from './types.js';

/**
 * Counts one window group exactly once, however often its records are delivered.
 *
 * Each window item keeps, per source shard, the highest (padded) sequence number it has counted
 * (`applied_<shardId>`). Lambda delivers a shard in order and re-delivers only from a reported
 * failure onwards, and a group is counted in one atomic update, so everything up to that number is
 * counted and nothing after it is.
 *
 * 1. **Fast path** (the usual case, one write): `ADD` the increments of all the group's records and
 *    set the marker to their highest sequence number, on condition that the marker is absent or below
 *    their lowest one, i.e. none of them was counted yet.
 * 2. **Slow path** (a re-delivery): read the marker (consistent read), keep only the records after it,
 *    and `ADD` those on condition that the marker still equals what was read (optimistic
 *    concurrency). Nothing left means the group is a duplicate. A changed marker restarts the slow
 *    path, up to `SLOW_PATH_ATTEMPTS` rounds.
 *
 * Errors of the table (throttling, network) reject; `aggregateBatch` turns them into batch item failures.
 *
 * @example
 * await applyWindowGroup(group, table, new Date()) // { ok: true, path: 'fast', counted: 3, duplicates: 0, group }
 * await applyWindowGroup(group, table, new Date()) // { ok: true, path: 'slow', counted: 0, duplicates: 3, group }
 */
export async function applyWindowGroup(group: WindowGroup, table: WindowTable, now: Date): Promise<GroupOutcome> {
  const { records } = group;
  const lowest = records.reduce((min, r) => (r.paddedSequence < min ? r.paddedSequence : min), records[0]!.paddedSequence);
  if (await table.addIfApplied(updateOf(group, records, now), { below: lowest })) {
    return { group, ok: true, path: 'fast', counted: records.length, duplicates: 0 };
  }
  const key = { campaignItemId: group.campaignItemId, windowStart: group.windowStart, shardId: group.shardId };
  for (let attempt = 1; attempt <= SLOW_PATH_ATTEMPTS; attempt++) {
    const applied = await table.readApplied(key);
    const fresh = applied === undefined ? records : records.filter((r) => r.paddedSequence > applied);
    const duplicates = records.length - fresh.length;
    if (fresh.length === 0) return { group, ok: true, path: 'slow', counted: 0, duplicates };
    if (await table.addIfApplied(updateOf(group, fresh, now), { equals: applied })) {
      return { group, ok: true, path: 'slow', counted: fresh.length, duplicates };
    }
  }
  throw new WindowUpdateConflictError(group.campaignItemId, group.windowStart, SLOW_PATH_ATTEMPTS);
}

function updateOf(group: WindowGroup, records: readonly CountableRecord[], now: Date): WindowUpdate {
  const highest = records.reduce((max, r) => (r.paddedSequence > max ? r.paddedSequence : max), records[0]!.paddedSequence);
  return {
    campaignItemId: group.campaignItemId,
    windowStart: group.windowStart,
    shardId: group.shardId,
    windowEnd: group.windowEnd,
    windowDay: group.windowDay,
    periodMinutes: group.periodMinutes,
    increments: countIncrements(records.map((r) => r.event)),
    appliedThrough: highest,
    updatedAt: now.toISOString(),
  };
}
