import { partitionOf } from './partitionOf.js';
import { toLakeRow } from './toLakeRow.js';
import type { LakeSource, PartitionWrite, SourceRecord } from './types.js';
import { lakeTable } from '@sdp/shared-lake';

export interface PlannedBatch {
  writes: PartitionWrite[];
  skipped: { sequenceNumber: string; reason: string }[];
}

/**
 * Groups a batch's rows by table, hour partition and shard. A batch is a contiguous run of each
 * shard's records, so a group's file holds every row of its partition between its first and last
 * sequence number: the range then says exactly which rows a file stores.
 *
 * @example
 * planPartitionWrites('raw', records, Date.now()).writes[0]
 * // { table: 'bids', partition: 'bids/year=2026/month=11/day=22/hour=06', range: { shardId, first, last }, rows: [...] }
 */
export function planPartitionWrites(
  source: LakeSource,
  records: readonly SourceRecord[],
  landedAt: number,
): PlannedBatch {
  const groups = new Map<string, PartitionWrite>();
  const skipped: PlannedBatch['skipped'] = [];
  for (const record of records) {
    const outcome = toLakeRow(source, record, landedAt);
    if ('none' in outcome) continue;
    if ('skip' in outcome) {
      skipped.push({ sequenceNumber: record.sequenceNumber, reason: outcome.skip });
      continue;
    }
    const time = outcome.row[lakeTable(outcome.table).timeColumn] as number;
    const partition = partitionOf(outcome.table, time);
    const key = `${partition}\n${record.shardId}`;
    const group = groups.get(key);
    if (group) {
      group.rows.push(outcome.row);
      group.range.last = record.sequenceNumber;
    } else {
      const range = { shardId: record.shardId, first: record.sequenceNumber, last: record.sequenceNumber };
      groups.set(key, { table: outcome.table, partition, range, rows: [outcome.row] });
    }
  }
  return { writes: [...groups.values()], skipped };
}
