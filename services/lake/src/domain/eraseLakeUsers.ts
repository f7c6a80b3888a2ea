import type { EraseUsersResult } from '@sdp/shared-streams';
import type { LakeTable } from '@sdp/shared-lake';
import { compactPartition, type CompactPartitionDeps } from './compactPartition.js';
import type { PartitionState } from './types.js';

export interface EraseLakeUsersDeps {
  /** The lake's tables that hold a `user_id` column */
  tables: readonly LakeTable[];
  readTablePartitions(table: LakeTable): Promise<Map<string, PartitionState>>;
  /** The `user_id`s of one file's rows (only that column is read) */
  readUserIds(key: string): Promise<string[]>;
  /** What a partition rewrite needs, for one table */
  rewriteDeps(table: LakeTable): CompactPartitionDeps;
  /** Removes what the store keeps of a partition's past (S3's noncurrent versions) */
  purgeHistory(partition: string): Promise<void>;
}

/**
 * Removes every row of the users from the lake: each partition of a table with a `user_id` column
 * whose visible files hold one of them is rewritten without their rows and committed by a manifest,
 * as compaction commits (readers see the old files or the new one, never a mix; a crash leaves the
 * old files read and the next run does it again), then the partition's history is purged. Partitions
 * without their rows are read (one column) and left as they are.
 *
 * @example
 * await eraseLakeUsers(['u1'], deps)
 * // { removed: { u1: { clickstream_events: 12, session_changes: 3, partitions_rewritten: 2 } } }
 */
export async function eraseLakeUsers(userIds: readonly string[], deps: EraseLakeUsersDeps): Promise<EraseUsersResult> {
  const users = new Set(userIds);
  const removed: EraseUsersResult['removed'] = Object.fromEntries(
    userIds.map((id) => [
      id,
      { ...Object.fromEntries(deps.tables.map((table) => [table.name, 0])), partitions_rewritten: 0 },
    ]),
  );
  for (const table of deps.tables) {
    for (const [partition, state] of await deps.readTablePartitions(table)) {
      const holders = new Set<string>();
      for (const key of state.visible)
        for (const userId of await deps.readUserIds(key)) if (users.has(userId)) holders.add(userId);
      if (holders.size === 0) continue;
      const result = await compactPartition(partition, table.timeColumn, deps.rewriteDeps(table), {
        drops: (row) => users.has(String(row.user_id)),
        purpose: 'erasure',
      });
      for (const row of result.removed ?? []) removed[String(row.user_id)]![table.name]!++;
      for (const userId of holders) removed[userId]!.partitions_rewritten!++;
      await deps.purgeHistory(partition);
    }
  }
  return { removed };
}
