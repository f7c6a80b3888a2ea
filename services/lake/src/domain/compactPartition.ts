import { compactionId } from './compaction.js';
import type { CompactionManifest, LakeRow, PartitionState, SequenceRange } from './types.js';
import { MANIFEST_DIR } from '@sdp/shared-lake';

export interface CompactPartitionDeps {
  readState(partition: string): Promise<PartitionState>;
  readRows(key: string): Promise<LakeRow[]>;
  writeRows(key: string, rows: readonly LakeRow[]): Promise<void>;
  put(key: string, body: string): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  now(): Date;
}

export interface CompactPartitionResult {
  inputs: number;
  rows: number;
  deleted: number;
  /** Rows a rewrite (`without`) left out */
  removed?: LakeRow[];
}

/** A rewrite of a partition without some of its rows (an erasure), instead of a plain merge. */
export interface PartitionRewrite {
  /** Whether a row is left out of the partition */
  drops(row: LakeRow): boolean;
  /** Part of the output's name, so that it differs from a plain compaction of the same files */
  purpose: string;
}

/**
 * Merges a partition's visible files into one, safely for readers at every step:
 * 1. write the merged file (ignored by readers: no manifest names it yet);
 * 2. write the manifest (the commit: from now on readers read the merged file instead of the inputs);
 * 3. delete the files no reader reads any more.
 * A crash before 2 leaves an invisible file the next run overwrites; a crash before 3 leaves garbage
 * the next run deletes. The manifest keeps the inputs' sequence ranges, so a re-delivered batch is
 * still recognised as stored after its file is gone.
 *
 * With `without`, the partition's visible files (however many, even one) are rewritten without the
 * rows it drops, committed the same way; a partition with no such row is left as it is.
 */
export async function compactPartition(
  partition: string,
  timeColumn: string,
  deps: CompactPartitionDeps,
  without?: PartitionRewrite,
): Promise<CompactPartitionResult> {
  const state = await deps.readState(partition);
  let rows = 0;
  let inputCount = 0;
  const removed: LakeRow[] = [];
  if (state.visible.length > (without ? 0 : 1)) {
    const inputs = state.visible.map((key) => key.slice(partition.length + 1));
    const read = (await Promise.all(state.visible.map((key) => deps.readRows(key)))).flat();
    const merged = without ? read.filter((row) => !without.drops(row)) : read;
    removed.push(...(without ? read.filter((row) => without.drops(row)) : []));
    if (without && removed.length === 0) return { inputs: 0, rows: 0, deleted: 0, removed };
    merged.sort((a, b) => (a[timeColumn] as number) - (b[timeColumn] as number));
    const id = compactionId(inputs, without?.purpose);
    const manifest: CompactionManifest = {
      id,
      output: `compacted_${id}.parquet`,
      inputs,
      ranges: distinctRanges(state.stored),
      rows: merged.length,
      created_at: deps.now().toISOString(),
    };
    await deps.writeRows(`${partition}/${manifest.output}`, merged);
    await deps.put(`${partition}/${MANIFEST_DIR}/${id}.json`, JSON.stringify(manifest, null, 2));
    rows = merged.length;
    inputCount = inputs.length;
  }
  const { garbage } = await deps.readState(partition);
  await deps.delete(garbage);
  return { inputs: inputCount, rows, deleted: garbage.length, ...(without ? { removed } : {}) };
}

function distinctRanges(ranges: readonly SequenceRange[]): SequenceRange[] {
  const byKey = new Map(ranges.map((range) => [`${range.shardId}_${range.first}_${range.last}`, range]));
  return [...byKey.values()];
}
