import { countBatch, countEachOnce, describeUnreadableRecord, windowOf, type CountBatchOutcome, type CountingConsumer, type KinesisRecordText } from '@sdp/shared';
import { demandIncrements } from './demandIncrements.js';
import { CountRefusedError } from './errors.js';
import { readDemandEvent } from './readDemandEvent.js';
import type { DemandEvent, ProductWindowCounter } from './types.js';

export interface CountDemandOptions {
  counter: ProductWindowCounter;
  periodMinutes: number;
  /** How long a counted event's key is kept, in milliseconds: longer than any copy can arrive late */
  retentionMs: number;
  now: () => Date;
  /** Where skipped records and failed groups are reported */
  log: (message: string, data: Record<string, unknown>) => void;
}

/**
 * Adds a batch of clickstream records to their products' event-time windows, exactly once per
 * logical event (user, time, name, type), through `countBatch`: each (product, window) group is
 * counted by `countEachOnce`, claiming every event's key in the transaction that adds it
 * (docs/adr/0005-idempotent-window-counts.md).
 *
 * Records that break the `ClickstreamEnvelope` contract are rejected with the reason (the
 * failed-events store keeps them); valid events that name no product or count nothing are ignored.
 * If groups fail, the earliest record among them is the one batch item failure: Lambda re-delivers
 * from there and the events already counted are recognised as duplicates.
 *
 * @example
 * await countDemandBatch(records, { counter, periodMinutes: 1, retentionMs: 172_800_000, now: () => new Date(), log })
 * // { batchItemFailures: [], rejected: [], counted: 312, duplicates: 0, ignored: 180, invalid: 0, failed: 0, pending: 0 }
 */
export function countDemandBatch(records: readonly KinesisRecordText[], options: CountDemandOptions): Promise<CountBatchOutcome> {
  const { counter, periodMinutes, retentionMs, now, log } = options;
  const at = now();
  const expiresAt = Math.ceil((at.getTime() + retentionMs) / 1000);
  const windowStartOf = (event: DemandEvent) => windowOf(event.eventTimestamp, periodMinutes).windowStart;
  const consumer: CountingConsumer<DemandEvent> = {
    read(record) {
      const reading = readDemandEvent(record.data);
      if (!reading.ok) return { kind: 'reject', reason: describeUnreadableRecord('ClickstreamEnvelope', reading), detail: { violations: reading.violations } };
      return reading.event === undefined ? { kind: 'ignore' } : { kind: 'value', value: reading.event };
    },
    // A transaction may not claim one key twice, and the event counts once anyway.
    identityOf: (event) => event.eventKey,
    groupOf: (event) => `${event.productId}\n${windowStartOf(event)}`,
    describeGroup: (event) => `product ${event.productId}'s window ${windowStartOf(event)}`,
    countGroup(group) {
      const events = group.map((record) => record.value);
      const { productId, eventTimestamp } = events[0]!;
      const bounds = windowOf(eventTimestamp, periodMinutes);
      const countChunk = (chunk: DemandEvent[]) =>
        counter.countOnce({ productId, ...bounds, periodMinutes, eventKeys: chunk.map((event) => event.eventKey), increments: demandIncrements(chunk), expiresAt, updatedAt: at.toISOString() });
      return countEachOnce(events, countChunk, () => new CountRefusedError(productId, bounds.windowStart));
    },
  };
  return countBatch(records, consumer, { log });
}
