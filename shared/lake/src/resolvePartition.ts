import { rangeOfDataFile } from './dataFileName.js';
import type { CompactionManifest, PartitionState, SequenceRange } from './types.js';

export const MANIFEST_DIR = '_compactions';
const COMPACTED_FILE = /^compacted_[0-9a-f]+\.parquet$/;

/**
 * Which files of a partition a reader reads, and which ranges are stored, from the partition's file
 * names and its compaction manifests. A manifest is the commit point of a compaction: before it
 * exists its output is ignored, after it its inputs are, so every row is read exactly once whether
 * the inputs are deleted yet or not.
 *
 * @param names - file names within the partition (`_compactions/<id>.json` for manifests)
 */
export function resolvePartition(
  partition: string,
  names: readonly string[],
  manifests: readonly CompactionManifest[],
): PartitionState {
  const committed = new Set(manifests.map((manifest) => manifest.output));
  const superseded = new Set(manifests.flatMap((manifest) => manifest.inputs));
  const stored: SequenceRange[] = manifests.flatMap((manifest) => manifest.ranges);
  const visible: string[] = [];
  const garbage: string[] = [];
  for (const name of [...names].sort()) {
    const range = rangeOfDataFile(name);
    if (range) stored.push(range);
    if (range === undefined && !COMPACTED_FILE.test(name)) continue;
    const isCommitted = range !== undefined || committed.has(name);
    (isCommitted && !superseded.has(name) ? visible : garbage).push(`${partition}/${name}`);
  }
  return { visible, stored, garbage };
}
