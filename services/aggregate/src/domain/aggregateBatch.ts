import { describeUnreadableRecord, earliestSequence, mapWithConcurrency, type Violation } from '@sdp/shared';
import { GROUP_CONCURRENCY } from './constants.js';
import { countWindowGroup } from './countWindowGroup.js';
import { eventKeyOf } from './eventKeyOf.js';
import { groupByWindow } from './groupByWindow.js';
import { readEnrichedEvent } from './readEnrichedEvent.js';
import type { BatchOutcome, CountableRecord, GroupOutcome, SourceRecord, WindowCounter } from './types.js';

export interface AggregateBatchOptions {
  counter: WindowCounter;
  periodMinutes: number;
  /** How long a counted event's key is kept, in milliseconds: longer than any copy can arrive late */
  retentionMs: number;
  now: () => Date;
  /** Where skipped records and failed groups are reported */
  log: (message: string, data: Record<string, unknown>) => void;
  concurrency?: number;
}

/**
 * Adds a batch of enriched events to their campaign windows, exactly once per logical event
 * (`tx_id` and type), see `countWindowGroup` and docs/adr/0005-idempotent-window-counts.md.
 *
 * Records that are not a valid `EnrichedEvent` of a known schema version are rejected with the
 * reason (the failed-events store keeps them): they can never become valid, so they must not hold
 * the shard back. Copies of one event within the
 * batch collapse into its first record. Groups (campaign, window) are counted independently,
 * `concurrency` at a time. If any fail, the lowest sequence number among all records of the failed
 * groups is the one batch item failure: Lambda re-delivers from there and the events already
 * counted are recognised as duplicates.
 *
 * @example
 * await aggregateBatch(records, { counter, periodMinutes: 1, retentionMs: 172_800_000, now: () => new Date(), log })
 * // { batchItemFailures: [], counted: 497, duplicates: 1, invalid: 2, failed: 0, rejected: [{ sequenceNumber: '…', reason: {…} }, …] }
 */
export async function aggregateBatch(records: readonly SourceRecord[], options: AggregateBatchOptions): Promise<BatchOutcome> {
  const { counter, periodMinutes, retentionMs, now, log, concurrency = GROUP_CONCURRENCY } = options;
  const byEventKey = new Map<string, CountableRecord>();
  const outcome: BatchOutcome = { batchItemFailures: [], counted: 0, duplicates: 0, invalid: 0, failed: 0, rejected: [] };
  for (const record of records) {
    const reading = readEnrichedEvent(record.data);
    if (!reading.ok) {
      outcome.invalid++;
      outcome.rejected.push({ sequenceNumber: record.sequenceNumber, reason: describeUnreadableRecord('EnrichedEvent', reading) });
      log('skipped an enriched record that is not a valid EnrichedEvent', describeSkip(record, reading.reason, reading.violations));
      continue;
    }
    const eventKey = eventKeyOf(reading.event);
    // A transaction may not claim one key twice, and the event is counted once anyway.
    if (byEventKey.has(eventKey)) outcome.duplicates++;
    else byEventKey.set(eventKey, { sequenceNumber: record.sequenceNumber, eventKey, event: reading.event });
  }
  const groups = groupByWindow([...byEventKey.values()], periodMinutes);

  const countOptions = { now: now(), retentionMs };
  const outcomes = await mapWithConcurrency(groups, concurrency, (group) =>
    countWindowGroup(group, counter, countOptions).catch((error: unknown): GroupOutcome => ({ group, ok: false, error })),
  );

  let lowest: string | undefined;
  for (const result of outcomes) {
    if (result.ok) {
      outcome.counted += result.counted;
      outcome.duplicates += result.duplicates;
      continue;
    }
    outcome.failed += result.group.records.length;
    lowest = earliestSequence(result.group.records.map((record) => record.sequenceNumber), lowest);
    const { campaignItemId, windowStart } = result.group;
    const error = describeError(result.error);
    outcome.failure ??= { name: error.name, message: `Could not count campaign ${campaignItemId}'s window ${windowStart}: ${error.message}` };
    log('could not count a window; its records will be re-delivered', { campaignItemId, windowStart, error });
  }
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  return outcome;
}


function describeSkip(record: SourceRecord, reason: string, violations: Violation[]): Record<string, unknown> {
  return { shardId: record.shardId, sequenceNumber: record.sequenceNumber, reason, violations, data: record.data.slice(0, 1024) };
}


function describeError(error: unknown): { name: string; message: string } {
  const { name = 'Error', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
  return { name, message };
}
