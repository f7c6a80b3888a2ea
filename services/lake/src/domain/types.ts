import type { LakeRow, LakeTableName, SequenceRange } from '@sdp/shared-lake';

/** The lake's layout types live in the shared lake client; the writer uses them under these names too. */
export type { CompactionManifest, LakeRow, LakeValue, PartitionState, SequenceRange } from '@sdp/shared-lake';

/** Which stream a lake writer function lands. */
export type LakeSource = 'raw' | 'enriched' | 'aggregates' | 'clickstream' | 'sessions' | 'product_windows';

/** One Kinesis record as the writer receives it. */
export interface SourceRecord {
  shardId: string;
  sequenceNumber: string;
  /** The record's data as text (JSON) */
  data: string;
}

/** Rows of one table and hour, from one contiguous range of one shard: one data file. */
export interface PartitionWrite {
  table: LakeTableName;
  /** `<table>/year=YYYY/month=MM/day=DD/hour=HH` */
  partition: string;
  range: SequenceRange;
  rows: LakeRow[];
}
