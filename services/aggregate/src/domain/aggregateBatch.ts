import {
  countBatch,
  describeUnreadableRecord,
  windowOf,
  type CountBatchOutcome,
  type CountingConsumer,
  type KinesisRecordText,
} from '@sdp/shared-streams';
import { transactionKeyOf } from '@sdp/enrich';
import { readEnrichedEvent } from './readEnrichedEvent.js';
import type { CampaignWindow, CanonicalCopies, EnrichedEvent, WindowCounter } from './types.js';
import { verdictOf } from './verdictOf.js';

export interface AggregateBatchOptions {
  counter: WindowCounter;
  /** Enrich's join state: which copy of each event counts */
  copies: CanonicalCopies;
  periodMinutes: number;
  now: () => Date;
  /** Where skipped records, pending verdicts and failed windows are reported */
  log: (message: string, data: Record<string, unknown>) => void;
  /** Pauses before pending verdicts are read again, and how to pause (`countBatch`'s defaults when absent) */
  pendingWaitsMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Adds a batch of enriched events to their campaign windows, exactly once per logical event
 * (docs/adr/0019-counting-per-batch.md): a record counts only if enrich's join state names it as
 * its event's copy (`verdictOf`), and each window is written once per batch, with the position of
 * the last record it counts from the shard, so a re-delivery adds nothing twice.
 *
 * Records that are not a valid `EnrichedEvent` of a known schema version are rejected with the
 * reason (the failed-events store keeps them): they can never become valid, so they must not hold
 * the shard back.
 *
 * @example
 * await aggregateBatch(records, { counter, copies, periodMinutes: 1, now: () => new Date(), log })
 * // { batchItemFailures: [], rejected: [], counted: 497, duplicates: 1, ignored: 0, invalid: 2, failed: 0, pending: 0 }
 */
export function aggregateBatch(
  records: readonly KinesisRecordText[],
  options: AggregateBatchOptions,
): Promise<CountBatchOutcome> {
  const { counter, copies, periodMinutes, now, log, ...waiting } = options;
  const windowOfEvent = (event: EnrichedEvent): CampaignWindow => ({
    campaignItemId: event.campaign_item_id,
    periodMinutes,
    ...windowOf(event.event_time, periodMinutes),
  });
  const consumer: CountingConsumer<EnrichedEvent> = {
    read(record) {
      const reading = readEnrichedEvent(record.data);
      // Bot traffic (ADR 24) is joined by enrich but never counted in a campaign's window.
      if (reading.ok) return reading.event.bot ? { kind: 'ignore' } : { kind: 'value', value: reading.event };
      return {
        kind: 'reject',
        reason: describeUnreadableRecord('EnrichedEvent', reading),
        detail: { violations: reading.violations },
      };
    },
    groupOf: (event) => `${event.campaign_item_id}\n${windowOf(event.event_time, periodMinutes).windowStart}`,
    describeGroup: (event) =>
      `campaign ${event.campaign_item_id}'s window ${windowOf(event.event_time, periodMinutes).windowStart}`,
    async decide(candidates) {
      const states = await copies.load([...new Set(candidates.map((record) => transactionKeyOf(record.value)))]);
      return candidates.map((record) => verdictOf(record, states.get(transactionKeyOf(record.value))));
    },
    pendingReason: {
      name: 'JoinStateNotStored',
      message: 'Enrich has not stored the join state that names the copy of this event that counts.',
    },
    countGroup: (records) => counter.count(windowOfEvent(records[0]!.value), records, now().toISOString()),
  };
  return countBatch(records, consumer, { log, ...waiting });
}
