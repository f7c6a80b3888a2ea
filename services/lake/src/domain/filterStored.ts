import type { PartitionWrite, SequenceRange } from './types.js';

/**
 * The part of a write whose rows are not stored yet, or undefined when all are: a re-delivered batch
 * then writes nothing, and a longer re-delivery writes only its new rows, under a range that starts
 * at its first new row. Only stored ranges of the same shard that overlap the write are compared, so
 * the usual case (a partition of many files, none overlapping) costs no per-row work.
 */
export function filterStored(write: PartitionWrite, stored: readonly SequenceRange[]): PartitionWrite | undefined {
  const { shardId } = write.range;
  const [first, last] = [BigInt(write.range.first), BigInt(write.range.last)];
  const overlapping = stored
    .filter((range) => range.shardId === shardId)
    .map((range) => [BigInt(range.first), BigInt(range.last)] as const)
    .filter(([from, to]) => from <= last && to >= first);
  if (overlapping.length === 0) return write;
  const rows = write.rows.filter((row) => {
    const position = BigInt(row.sequence_number as string);
    return !overlapping.some(([from, to]) => from <= position && position <= to);
  });
  if (rows.length === 0) return undefined;
  if (rows.length === write.rows.length) return write;
  const range = { shardId, first: rows[0]!.sequence_number as string, last: rows.at(-1)!.sequence_number as string };
  return { ...write, range, rows };
}
