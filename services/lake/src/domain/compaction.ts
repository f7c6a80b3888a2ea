import { createHash } from 'node:crypto';
import { partitionHourStart } from './partitionOf.js';
import type { PartitionState } from './types.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The partitions a compaction run merges: hours closed for at least `settleMs` (late events still land,
 * in new small files that the next run merges) with more than one visible file, or with files left
 * over by an interrupted run.
 */
export function partitionsToCompact(
  states: ReadonlyMap<string, PartitionState>,
  now: number,
  settleMs: number,
): string[] {
  return [...states]
    .filter(([partition, state]) => {
      const hourStart = partitionHourStart(partition);
      return (
        hourStart !== undefined &&
        hourStart + HOUR_MS + settleMs <= now &&
        (state.visible.length > 1 || state.garbage.length > 0)
      );
    })
    .map(([partition]) => partition)
    .sort();
}

/**
 * The id of a compaction, from its inputs alone: a run interrupted before its commit and run again
 * writes the same output name, overwriting its own unfinished file. A rewrite that drops rows (an
 * erasure) names its purpose too, so its output is never the file a plain compaction of the same
 * inputs would write.
 */
export function compactionId(inputs: readonly string[], purpose = ''): string {
  return createHash('sha256')
    .update([...inputs].sort().join('\n') + (purpose ? `\n#${purpose}` : ''))
    .digest('hex')
    .slice(0, 24);
}
