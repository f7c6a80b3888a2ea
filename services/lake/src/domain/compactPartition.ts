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
}

/**
 * Merges a partition's visible files into one, safely for readers at every step:
 * 1. write the merged file (ignored by readers: no manifest names it yet);
 * 2. write the manifest (the commit: from now on readers read the merged file instead of the inputs);
 * 3. delete the files no reader reads any more.
 * A crash before 2 leaves an invisible file the next run overwrites; a crash before 3 leaves garbage
 * the next run deletes. The manifest keeps the inputs' sequence ranges, so a re-delivered batch is
 * still recognised as stored after its file is gone.
 */
export async function compactPartition(
  partition: string,
  timeColumn: string,
  deps: CompactPartitionDeps,
): Promise<CompactPartitionResult> {
  const state = await deps.readState(partition);
  let rows = 0;
  if (state.visible.length > 1) {
    const inputs = state.visible.map((key) => key.slice(partition.length + 1));
    const merged = (await Promise.all(state.visible.map((key) => deps.readRows(key)))).flat();
    merged.sort((a, b) => (a[timeColumn] as number) - (b[timeColumn] as number));
    const id = compactionId(inputs);
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
  }
  const { garbage } = await deps.readState(partition);
  await deps.delete(garbage);
  return { inputs: state.visible.length > 1 ? state.visible.length : 0, rows, deleted: garbage.length };
}

function distinctRanges(ranges: readonly SequenceRange[]): SequenceRange[] {
  const byKey = new Map(ranges.map((range) => [`${range.shardId}_${range.first}_${range.last}`, range]));
  return [...byKey.values()];
}
