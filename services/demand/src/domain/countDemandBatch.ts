import { countBatch, describeUnreadableRecord, originalShardOf, streamPosition, windowOf, type CountBatchOutcome, type CountingConsumer, type KinesisRecordText, type Positioned, type Verdict } from '@sdp/shared';
import { readDemandEvent } from './readDemandEvent.js';
import type { DemandEvent, ProductWindowCounter, SessionDecisions, SessionVerdicts } from './types.js';

export interface CountDemandOptions {
  counter: ProductWindowCounter;
  /** The sessions service's decisions: which records it added */
  sessions: SessionVerdicts;
  periodMinutes: number;
  now: () => Date;
  /** Where skipped records, pending verdicts and failed groups are reported */
  log: (message: string, data: Record<string, unknown>) => void;
  /** Pauses before pending verdicts are read again, and how to pause (`countBatch`'s defaults when absent) */
  pendingWaitsMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Adds a batch of clickstream records to their products' event-time windows, exactly once per
 * logical event (user, time, name, type), through `countBatch` (docs/adr/0019-counting-per-batch.md):
 * a record counts only if the sessions service added it to a session (a copy or a too-late event it
 * set aside counts nothing; a record it has not decided yet waits), and each product window is
 * written once per batch, with the position of the last record it counts from the shard, so a
 * re-delivery adds nothing twice. Demand and sessions therefore count the same events.
 *
 * Records that break the `ClickstreamEnvelope` contract are rejected with the reason (the
 * failed-events store keeps them); valid events that name no product or count nothing are ignored.
 *
 * @example
 * await countDemandBatch(records, { counter, sessions, periodMinutes: 1, now: () => new Date(), log })
 * // { batchItemFailures: [], rejected: [], counted: 312, duplicates: 0, ignored: 180, invalid: 0, failed: 0, pending: 0 }
 */
export function countDemandBatch(records: readonly KinesisRecordText[], options: CountDemandOptions): Promise<CountBatchOutcome> {
  const { counter, sessions, periodMinutes, now, log, ...waiting } = options;
  const windowStartOf = (event: DemandEvent) => windowOf(event.eventTimestamp, periodMinutes).windowStart;
  const consumer: CountingConsumer<DemandEvent> = {
    read(record) {
      const reading = readDemandEvent(record.data);
      if (!reading.ok) return { kind: 'reject', reason: describeUnreadableRecord('ClickstreamEnvelope', reading), detail: { violations: reading.violations } };
      return reading.event === undefined ? { kind: 'ignore' } : { kind: 'value', value: reading.event };
    },
    groupOf: (event) => `${event.productId}\n${windowStartOf(event)}`,
    describeGroup: (event) => `product ${event.productId}'s window ${windowStartOf(event)}`,
    async decide(candidates) {
      const decisions = await sessions.load([...new Set(candidates.map((record) => record.value.userId))]);
      return candidates.map((record) => verdictOf(record, decisions.get(record.value.userId)));
    },
    pendingReason: { name: 'SessionNotDecided', message: 'Sessions has not yet decided whether it adds this event; demand counts exactly what sessions adds.' },
    countGroup(group) {
      const { productId, eventTimestamp } = group[0]!.value;
      return counter.count({ productId, periodMinutes, ...windowOf(eventTimestamp, periodMinutes) }, group, now().toISOString());
    },
  };
  return countBatch(records, consumer, { log, ...waiting });
}

/**
 * Whether a clickstream record counts for demand: only if sessions added it. Sessions records, per
 * shard, the position of the user's last record it decided and the records it did not add.
 *
 * @example
 * verdictOf(record at position 42 of shard 0, { positions: { 'shardId-0': '00242' }, skipped: new Set() }) // 'count'
 */
export function verdictOf(record: Positioned<DemandEvent>, decisions: SessionDecisions | undefined): Verdict {
  const shardId = originalShardOf(record.shardId);
  const position = streamPosition(record.sequenceNumber);
  if (!decisions || position > (decisions.positions[shardId] ?? '')) return 'pending';
  return decisions.skipped.has(`${shardId} ${position}`) ? 'skip' : 'count';
}
