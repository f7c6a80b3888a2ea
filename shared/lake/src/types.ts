/** A row value: text, an integer, an epoch-millisecond timestamp, or absent. */
export type LakeValue = string | number | null;
export type LakeRow = Record<string, LakeValue>;

/** A position range of one shard: every record of the shard from `first` to `last` (inclusive). */
export interface SequenceRange {
  shardId: string;
  first: string;
  last: string;
}

/** What a listing of a partition holds, after compactions. */
export interface PartitionState {
  /** Keys of the data files a reader must read: each row of the partition is in exactly one */
  visible: string[];
  /** Ranges whose rows of this partition are already stored */
  stored: SequenceRange[];
  /** Keys of files no reader reads: inputs of a committed compaction, outputs of an unfinished one */
  garbage: string[];
}

/** The commit record of one compaction: `output` replaces `inputs`, atomically for readers. */
export interface CompactionManifest {
  id: string;
  /** File names within the partition */
  output: string;
  inputs: string[];
  ranges: SequenceRange[];
  rows: number;
  created_at: string;
}
