import type { SequenceRange } from './types.js';

const DATA_FILE = /^(shardId-[A-Za-z0-9-]+)_(\d+)_(\d+)\.parquet$/;

/**
 * The name of the data file holding a partition's rows from one range of one shard. The name is
 * derived from the range alone, so a re-delivered batch maps to the same name (or to a range the
 * writer recognises as stored) instead of a second copy of its rows.
 *
 * @example
 * dataFileName({ shardId: 'shardId-000000000000', first: '4960', last: '4987' }) // 'shardId-000000000000_4960_4987.parquet'
 */
export function dataFileName({ shardId, first, last }: SequenceRange): string {
  return `${shardId}_${first}_${last}.parquet`;
}

/** The range a data file name stands for, or undefined for any other file. */
export function rangeOfDataFile(name: string): SequenceRange | undefined {
  const match = DATA_FILE.exec(name);
  return match ? { shardId: match[1]!, first: match[2]!, last: match[3]! } : undefined;
}
