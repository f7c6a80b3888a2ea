import { mapWithConcurrency } from '@sdp/shared-runtime';
import { type RecordRejection } from '@sdp/shared-streams';
import { filterStored } from './filterStored.js';
import { planPartitionWrites } from './planPartitionWrites.js';
import type { LakeSource, PartitionState, PartitionWrite, SourceRecord } from './types.js';

export interface LandBatchDeps {
  readState(partition: string): Promise<PartitionState>;
  /** Writes one data file atomically under the name its range gives */
  writeFile(write: PartitionWrite): Promise<void>;
  log(message: string, data: Record<string, unknown>): void;
}

export interface LandBatchResult {
  files: number;
  rows: number;
  /** Rows of re-delivered records that were already in the lake */
  alreadyStored: number;
  /** Records that land in no table (not JSON, not an event of this stream), with why */
  rejected: RecordRejection[];
}

/**
 * Lands one batch of a stream in the lake: one Parquet file per table, hour and shard, holding only the
 * rows not stored yet. Files are independent and each is written atomically, so a failure anywhere
 * fails the whole batch and its re-delivery writes just what is missing: nothing is lost or doubled.
 *
 * @example
 * await landBatch('raw', records, Date.now(), { readState, writeFile, log })
 * // { files: 3, rows: 500, alreadyStored: 0, rejected: [] }
 */
export async function landBatch(
  source: LakeSource,
  records: readonly SourceRecord[],
  landedAt: number,
  deps: LandBatchDeps,
): Promise<LandBatchResult> {
  const { writes, skipped } = planPartitionWrites(source, records, landedAt);
  for (const { sequenceNumber, reason } of skipped)
    deps.log('skipped a record that lands in no table', { sequenceNumber, reason });
  const rejected = skipped.map(({ sequenceNumber, reason }) => ({
    sequenceNumber,
    reason: { name: 'NotALakeRow', message: `The record lands in no lake table: ${reason}.` },
  }));
  const landed = await mapWithConcurrency(writes, 4, async (write) => {
    const missing = filterStored(write, (await deps.readState(write.partition)).stored);
    if (missing) await deps.writeFile(missing);
    return { rows: missing?.rows.length ?? 0, alreadyStored: write.rows.length - (missing?.rows.length ?? 0) };
  });
  return {
    files: landed.filter((file) => file.rows > 0).length,
    rows: landed.reduce((sum, file) => sum + file.rows, 0),
    alreadyStored: landed.reduce((sum, file) => sum + file.alreadyStored, 0),
    rejected,
  };
}
