import {
  countBatch,
  describeUnreadableRecord,
  isReplayShard,
  originalShardOf,
  streamPosition,
  windowOf,
  type CountBatchOutcome,
  type CountingConsumer,
  type KinesisRecordText,
  type Positioned,
  type Verdict,
} from '@sdp/shared-streams';
import { capShopperSignals } from './capShopperSignals.js';
import { readDemandEvent } from './readDemandEvent.js';
import type { DemandEvent, ProductWindowCounter, SessionDecisions, SessionVerdicts, ShopperLedger } from './types.js';

export interface CountDemandOptions {
  counter: ProductWindowCounter;
  /** The sessions service's decisions: which records it added */
  sessions: SessionVerdicts;
  periodMinutes: number;
  /** What each shopper added to the product windows so far, and the most they add per measure and window */
  shoppers: ShopperLedger;
  signalsPerShopper: number;
  now: () => Date;
  /** Where skipped records, pending verdicts and failed groups are reported */
  log: (message: string, data: Record<string, unknown>) => void;
  /** Pauses before pending verdicts are read again, and how to pause (`countBatch`'s defaults when absent) */
  pendingWaitsMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/** What a batch did: `countBatch`'s outcome and the records of shoppers past their cap. */
export type CountDemandOutcome = CountBatchOutcome & { capped: number };

/**
 * Adds a batch of clickstream records to their products' event-time windows, exactly once per
 * logical event (user, time, name, type), through `countBatch` (docs/adr/0019-counting-per-batch.md):
 * a record counts only if the sessions service added it to a session (a copy or a too-late event it
 * set aside counts nothing; a record it has not decided yet waits), and each product window is
 * written once per batch, with the position of the last record it counts from the shard, so a
 * re-delivery adds nothing twice. Demand and sessions therefore count the same events, except that
 * one shopper adds at most `signalsPerShopper` views, carts, checkouts and purchases (each) to a
 * product window (`capShopperSignals`, tallies in `shoppers`, remembered once the window is written).
 *
 * Records that break the `ClickstreamEnvelope` contract are rejected with the reason (the
 * failed-events store keeps them); valid events that name no product or count nothing are ignored.
 *
 * @example
 * await countDemandBatch(records, { counter, sessions, periodMinutes: 1, shoppers, signalsPerShopper: 5, now: () => new Date(), log })
 * // { batchItemFailures: [], rejected: [], counted: 312, duplicates: 0, ignored: 180, invalid: 0, failed: 0, pending: 0, capped: 0 }
 */
export async function countDemandBatch(
  records: readonly KinesisRecordText[],
  options: CountDemandOptions,
): Promise<CountDemandOutcome> {
  const { counter, sessions, periodMinutes, shoppers, signalsPerShopper, now, log, ...waiting } = options;
  let capped = 0;
  const windowStartOf = (event: DemandEvent) => windowOf(event.eventTimestamp, periodMinutes).windowStart;
  const consumer: CountingConsumer<DemandEvent> = {
    read(record) {
      const reading = readDemandEvent(record.data);
      if (!reading.ok)
        return {
          kind: 'reject',
          reason: describeUnreadableRecord('ClickstreamEnvelope', reading),
          detail: { violations: reading.violations },
        };
      return reading.event === undefined ? { kind: 'ignore' } : { kind: 'value', value: reading.event };
    },
    groupOf: (event) => `${event.productId}\n${windowStartOf(event)}`,
    describeGroup: (event) => `product ${event.productId}'s window ${windowStartOf(event)}`,
    async decide(candidates) {
      const decisions = await sessions.load([...new Set(candidates.map((record) => record.value.userId))]);
      return candidates.map((record) => verdictOf(record, decisions.get(record.value.userId)));
    },
    pendingReason: {
      name: 'SessionNotDecided',
      message: 'Sessions has not yet decided whether it adds this event; demand counts exactly what sessions adds.',
    },
    async countGroup(group) {
      const { productId, eventTimestamp } = group[0]!.value;
      const window = windowOf(eventTimestamp, periodMinutes);
      const signals = capShopperSignals(group, (key) => shoppers.get(key), signalsPerShopper, window.windowStart);
      const count =
        signals.admitted.length > 0
          ? await counter.count({ productId, periodMinutes, ...window }, signals.admitted, now().toISOString())
          : { counted: 0, duplicates: 0 };
      // Only a window written is remembered: a group that failed is decided again when re-delivered.
      signals.tallies.forEach((tally, key) => shoppers.set(key, tally));
      capped += signals.capped;
      return { counted: count.counted, duplicates: count.duplicates + signals.decidedBefore };
    },
  };
  return { ...(await countBatch(records, consumer, { log, ...waiting })), capped };
}

/**
 * Whether a clickstream record counts for demand: only if sessions added it. Sessions records, per
 * shard, the position of the user's last record it decided, the records it did not add, and, for a
 * user it took for a bot by its rate, the time from which the user's events are bot traffic and
 * where on each shard it began leaving them out (a record before that was decided before the verdict).
 *
 * @example
 * verdictOf(record at position 42 of shard 0, { positions: { 'shardId-0': '00242' }, skipped: new Set() }) // 'count'
 */
export function verdictOf(record: Positioned<DemandEvent>, decisions: SessionDecisions | undefined): Verdict {
  const shardId = originalShardOf(record.shardId);
  const position = streamPosition(record.sequenceNumber);
  if (!decisions || position > (decisions.positions[shardId] ?? '')) return 'pending';
  const { bot } = decisions;
  if (
    bot &&
    record.value.eventTimestamp >= bot.sinceMs &&
    (isReplayShard(record.shardId) || position >= (bot.from[shardId] ?? ''))
  )
    return 'skip';
  return decisions.skipped.has(`${shardId} ${position}`) ? 'skip' : 'count';
}
