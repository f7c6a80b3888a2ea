import { countEachOnce, describeUnreadableRecord, earliestSequence, mapWithConcurrency } from '@sdp/shared';
import { GROUP_CONCURRENCY } from './constants.js';
import { demandIncrements } from './demandIncrements.js';
import { CountRefusedError } from './errors.js';
import { groupByProductWindow } from './groupByProductWindow.js';
import { readDemandEvent } from './readDemandEvent.js';
import type { DemandBatchOutcome, DemandEvent, ProductWindowCount, ProductWindowCounter, ProductWindowGroup, SourceRecord } from './types.js';

export interface CountDemandOptions {
  counter: ProductWindowCounter;
  periodMinutes: number;
  /** How long a counted event's key is kept, in milliseconds: longer than any copy can arrive late */
  retentionMs: number;
  now: () => Date;
  /** Where skipped records and failed groups are reported */
  log: (message: string, data: Record<string, unknown>) => void;
  concurrency?: number;
}

/**
 * Adds a batch of clickstream records to their products' event-time windows, exactly once per
 * logical event (user, time, name, type): each (product, window) group is counted by `countEachOnce`,
 * claiming every event's key in the transaction that adds it (docs/adr/0005-idempotent-window-counts.md).
 *
 * Records that break the `ClickstreamEnvelope` contract are rejected with the reason (the
 * failed-events store keeps them); valid events that name no product or count nothing are ignored.
 * If groups fail, the lowest sequence number among their records is the one batch item failure:
 * Lambda re-delivers from there and the events already counted are recognised as duplicates.
 *
 * @example
 * await countDemandBatch(records, { counter, periodMinutes: 1, retentionMs: 172_800_000, now: () => new Date(), log })
 * // { batchItemFailures: [], counted: 312, duplicates: 0, ignored: 180, invalid: 0, failed: 0, rejected: [] }
 */
export async function countDemandBatch(records: readonly SourceRecord[], options: CountDemandOptions): Promise<DemandBatchOutcome> {
  const { counter, periodMinutes, retentionMs, now, log, concurrency = GROUP_CONCURRENCY } = options;
  const outcome: DemandBatchOutcome = { batchItemFailures: [], counted: 0, duplicates: 0, ignored: 0, invalid: 0, failed: 0, rejected: [] };
  const byEventKey = new Map<string, DemandEvent>();
  for (const record of records) {
    const reading = readDemandEvent(record);
    if (!reading.ok) {
      outcome.invalid++;
      outcome.rejected.push({ sequenceNumber: record.sequenceNumber, reason: describeUnreadableRecord('ClickstreamEnvelope', reading) });
      log('skipped a clickstream record that is not a valid ClickstreamEnvelope', { sequenceNumber: record.sequenceNumber, reason: reading.reason, violations: reading.violations });
    } else if (reading.event === undefined) outcome.ignored++;
    // A transaction may not claim one key twice, and the event counts once anyway.
    else if (byEventKey.has(reading.event.eventKey)) outcome.duplicates++;
    else byEventKey.set(reading.event.eventKey, reading.event);
  }

  const at = now();
  const expiresAt = Math.ceil((at.getTime() + retentionMs) / 1000);
  const countOf = (group: ProductWindowGroup, events: readonly DemandEvent[]): ProductWindowCount => ({
    productId: group.productId,
    windowStart: group.windowStart,
    windowEnd: group.windowEnd,
    windowDay: group.windowDay,
    periodMinutes,
    eventKeys: events.map((event) => event.eventKey),
    increments: demandIncrements(events),
    expiresAt,
    updatedAt: at.toISOString(),
  });
  const groups = groupByProductWindow([...byEventKey.values()], periodMinutes);
  const results = await mapWithConcurrency(groups, concurrency, (group) =>
    countEachOnce(group.events, (chunk) => counter.countOnce(countOf(group, chunk)), () => new CountRefusedError(group.productId, group.windowStart)).then(
      (counts) => ({ group, ok: true as const, ...counts }),
      (error: unknown) => ({ group, ok: false as const, error }),
    ),
  );

  let lowest: string | undefined;
  for (const result of results) {
    if (result.ok) {
      outcome.counted += result.counted;
      outcome.duplicates += result.duplicates;
      continue;
    }
    const { group, error } = result;
    outcome.failed += group.events.length;
    lowest = earliestSequence(group.events.map((event) => event.sequenceNumber), lowest);
    const { name = 'Error', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
    outcome.failure ??= { name, message: `Could not count product ${group.productId}'s window ${group.windowStart}: ${message}` };
    log('could not count a product window; its records will be re-delivered', { productId: group.productId, windowStart: group.windowStart, error });
  }
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  return outcome;
}
