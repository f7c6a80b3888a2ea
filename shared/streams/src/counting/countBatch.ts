import { mapWithConcurrency } from '@sdp/shared-runtime';
import { isDependencyFailure } from '../failures/isDependencyFailure.js';
import type { FailureReason } from '../failures/types.js';
import { earliestSequence } from '../streams/isSequenceBefore.js';
import type { KinesisRecordText } from '../streams/readKinesisRecords.js';
import type { CountBatchOutcome, CountingConsumer, GroupCount, Positioned, Verdict } from './types.js';

export interface CountBatchOptions {
  /** Where rejected records, pending verdicts and failed groups are reported */
  log: (message: string, data: Record<string, unknown>) => void;
  /** Groups written at once; enough to hide DynamoDB latency */
  concurrency?: number;
  /** Pauses before pending verdicts are read again; the batch is deferred if some stay pending */
  pendingWaitsMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_CONCURRENCY = 8;
/** ≈ 1.5 s in all: an upstream save normally lands within a few milliseconds of its emission. */
const DEFAULT_PENDING_WAITS_MS = [50, 100, 200, 400, 800];
const PENDING: FailureReason = {
  name: 'VerdictPending',
  message: 'The service that owns this event has not decided yet whether this copy counts.',
};

/**
 * The skeleton of every counting consumer: read → decide → group → count → report the earliest
 * failure (docs/adr/0019-counting-per-batch.md).
 * - Records that break their contract are rejected (the failed-events store keeps them).
 * - Verdicts (`consumer.decide`) say which copy of a logical event counts. Pending ones are read
 *   again after short waits; the batch is cut at the first record still pending, which becomes the
 *   failure position with `deferred: true` (re-delivered without counting an attempt).
 * - The records that count are grouped by the item they change, and each group is written by one
 *   all-or-nothing `countGroup`, `concurrency` at a time.
 * - The failure position is the earliest record of a failed group or the first pending record:
 *   Lambda re-delivers from there, and items already written recognise their records by position.
 *
 * @example
 * await countBatch(records, aggregateConsumer, { log })
 * // { batchItemFailures: [], rejected: [], counted: 497, duplicates: 3, ignored: 0, invalid: 0, failed: 0, pending: 0 }
 */
export async function countBatch<T>(
  records: readonly KinesisRecordText[],
  consumer: CountingConsumer<T>,
  options: CountBatchOptions,
): Promise<CountBatchOutcome> {
  const { log, concurrency = DEFAULT_CONCURRENCY, pendingWaitsMs = DEFAULT_PENDING_WAITS_MS, sleep = delay } = options;
  const outcome: CountBatchOutcome = {
    batchItemFailures: [],
    rejected: [],
    counted: 0,
    duplicates: 0,
    ignored: 0,
    invalid: 0,
    failed: 0,
    pending: 0,
  };

  const candidates: Positioned<T>[] = [];
  const identities = new Set<string>();
  for (const record of records) {
    const reading = consumer.read(record);
    if (reading.kind === 'reject') {
      outcome.invalid++;
      outcome.rejected.push({ sequenceNumber: record.sequenceNumber, reason: reading.reason });
      log('set aside a record that breaks its contract', {
        shardId: record.shardId,
        sequenceNumber: record.sequenceNumber,
        reason: reading.reason,
        ...reading.detail,
        data: record.data.slice(0, 1024),
      });
    } else if (reading.kind === 'ignore') outcome.ignored++;
    else {
      const identity = consumer.identityOf?.(reading.value);
      if (identity !== undefined && identities.has(identity)) outcome.duplicates++;
      else {
        if (identity !== undefined) identities.add(identity);
        candidates.push({ shardId: record.shardId, sequenceNumber: record.sequenceNumber, value: reading.value });
      }
    }
  }

  const verdicts = consumer.decide
    ? await settleVerdicts(candidates, consumer.decide, pendingWaitsMs, sleep)
    : candidates.map((): Verdict => 'count');
  const firstPending = verdicts.indexOf('pending');
  const decided = firstPending === -1 ? candidates : candidates.slice(0, firstPending);
  outcome.pending = candidates.length - decided.length;
  const groups = new Map<string, Positioned<T>[]>();
  decided.forEach((record, index) => {
    if (verdicts[index] === 'skip') return void outcome.duplicates++;
    const key = consumer.groupOf(record.value);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  });

  const results = await mapWithConcurrency([...groups.values()], concurrency, (group) =>
    consumer.countGroup(group).then(
      (count): { group: Positioned<T>[]; count: GroupCount } => ({ group, count }),
      (error: unknown) => ({ group, error }),
    ),
  );
  let failedAt: string | undefined;
  let onlyDependencyFailures = true;
  for (const result of results) {
    if ('count' in result) {
      outcome.counted += result.count.counted;
      outcome.duplicates += result.count.duplicates;
      continue;
    }
    const { group, error } = result;
    outcome.failed += group.length;
    onlyDependencyFailures &&= isDependencyFailure(error);
    failedAt = earliestSequence(
      group.map((record) => record.sequenceNumber),
      failedAt,
    );
    const { name = 'Error', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
    const where = consumer.describeGroup(group[0]!.value);
    outcome.failure ??= { name, message: `Could not count ${where}: ${message}` };
    log('could not count a group; its records will be re-delivered', { group: where, error });
  }

  const pendingAt = candidates[firstPending]?.sequenceNumber;
  const position = pendingAt === undefined ? failedAt : earliestSequence([pendingAt], failedAt);
  if (position === undefined) return outcome;
  outcome.batchItemFailures.push({ itemIdentifier: position });
  // The failed groups' writes were throttled or timed out: not the records' fault, no attempt counted.
  if (position === failedAt && onlyDependencyFailures) outcome.transient = true;
  if (position === pendingAt) {
    outcome.deferred = true;
    outcome.failure = consumer.pendingReason ?? PENDING;
    log('a verdict is still pending; re-delivering from its record', {
      sequenceNumber: pendingAt,
      pending: outcome.pending,
    });
  }
  return outcome;
}

/** Pending records read again per wait: the batch is cut at the first one still pending, so the first ones are what matters. */
const REREAD_LIMIT = 100;

/**
 * Verdicts for every record, reading the first pending ones again after each wait until none is
 * left. When an upstream is far behind, most of a batch is pending: reading only the first
 * `REREAD_LIMIT` again keeps a waiting consumer from loading the upstream's table with reads that
 * cannot move the cut.
 */
async function settleVerdicts<T>(
  records: readonly Positioned<T>[],
  decide: (records: readonly Positioned<T>[]) => Promise<Verdict[]>,
  waitsMs: readonly number[],
  sleep: (ms: number) => Promise<void>,
): Promise<Verdict[]> {
  const verdicts = records.length > 0 ? await decide(records) : [];
  for (const waitMs of waitsMs) {
    const pending = verdicts.flatMap((verdict, index) => (verdict === 'pending' ? [index] : [])).slice(0, REREAD_LIMIT);
    if (pending.length === 0) break;
    await sleep(waitMs);
    const again = await decide(pending.map((index) => records[index]!));
    pending.forEach((index, i) => (verdicts[index] = again[i]!));
  }
  return verdicts;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
