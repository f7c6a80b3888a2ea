import type { Violation } from '@sdp/shared';
import { applyWindowGroup } from './applyWindowGroup.js';
import { GROUP_CONCURRENCY } from './constants.js';
import { groupByWindow } from './groupByWindow.js';
import { mapWithConcurrency } from './mapWithConcurrency.js';
import { padSequenceNumber } from './padSequenceNumber.js';
import { readEnrichedEvent } from './readEnrichedEvent.js';
import type { BatchOutcome, CountableRecord, GroupOutcome, SourceRecord, WindowTable } from './types.js';

export interface AggregateBatchOptions {
  table: WindowTable;
  periodMinutes: number;
  now: () => Date;
  /** Where skipped records and failed groups are reported */
  log: (message: string, data: Record<string, unknown>) => void;
  concurrency?: number;
}

/**
 * Adds a batch of enriched events to their campaign windows, exactly once per record (see
 * `applyWindowGroup` for the algorithm and docs/adr/0005-idempotent-window-counts.md for why).
 *
 * Records that are not a valid `EnrichedEvent` of a known schema version are logged and skipped:
 * they can never become valid, so they must not hold the shard back. Groups (shard, campaign,
 * window) are updated independently, `concurrency` at a time. If any fail, the lowest sequence
 * number among all records of the failed groups is the one batch item failure: Lambda re-delivers
 * from there and the groups already counted turn into no-ops.
 *
 * @example
 * await aggregateBatch(records, { table, periodMinutes: 1, now: () => new Date(), log })
 * // { batchItemFailures: [], counted: 498, duplicates: 0, invalid: 2, failed: 0 }
 */
export async function aggregateBatch(records: readonly SourceRecord[], options: AggregateBatchOptions): Promise<BatchOutcome> {
  const { table, periodMinutes, now, log, concurrency = GROUP_CONCURRENCY } = options;
  const byShard = new Map<string, CountableRecord[]>();
  let invalid = 0;
  for (const record of records) {
    const reading = readEnrichedEvent(record.data);
    if (!reading.ok) {
      invalid++;
      log('skipped an enriched record that is not a valid EnrichedEvent', describeSkip(record, reading.reason, reading.violations));
      continue;
    }
    const countable = { sequenceNumber: record.sequenceNumber, paddedSequence: padSequenceNumber(record.sequenceNumber), event: reading.event };
    const shard = byShard.get(record.shardId);
    if (shard) shard.push(countable);
    else byShard.set(record.shardId, [countable]);
  }
  const groups = [...byShard].flatMap(([shardId, countable]) => groupByWindow(shardId, countable, periodMinutes));

  const updatedAt = now();
  const outcomes = await mapWithConcurrency(groups, concurrency, (group) =>
    applyWindowGroup(group, table, updatedAt).catch((error: unknown): GroupOutcome => ({ group, ok: false, error })),
  );

  const failedRecords: CountableRecord[] = [];
  const outcome: BatchOutcome = { batchItemFailures: [], counted: 0, duplicates: 0, invalid, failed: 0 };
  for (const result of outcomes) {
    if (result.ok) {
      outcome.counted += result.counted;
      outcome.duplicates += result.duplicates;
      continue;
    }
    failedRecords.push(...result.group.records);
    const { campaignItemId, windowStart, shardId } = result.group;
    log('could not update a window; its records will be re-delivered', { campaignItemId, windowStart, shardId, error: describeError(result.error) });
  }
  outcome.failed = failedRecords.length;
  const lowest = failedRecords.reduce<CountableRecord | undefined>((min, r) => (!min || r.paddedSequence < min.paddedSequence ? r : min), undefined);
  if (lowest) outcome.batchItemFailures.push({ itemIdentifier: lowest.sequenceNumber });
  return outcome;
}

function describeSkip(record: SourceRecord, reason: string, violations: Violation[]): Record<string, unknown> {
  return { shardId: record.shardId, sequenceNumber: record.sequenceNumber, reason, violations, data: record.data.slice(0, 1024) };
}

function describeError(error: unknown): { name: string; message: string } {
  const { name = 'Error', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
  return { name, message };
}
