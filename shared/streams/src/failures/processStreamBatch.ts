import type { KinesisStreamBatchResponse, KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { readKinesisRecords, type KinesisRecordText } from '../streams/readKinesisRecords.js';
import {
  DEFER_GRACE_MS,
  DEPENDENCY_BACKOFF_BASE_MS,
  DEPENDENCY_BACKOFF_MAX_MS,
  REPLAY_SHARD_SUFFIX,
} from './constants.js';
import { ReplayFailedError } from './errors.js';
import { ingestMinuteOf, type ConsumerProgress } from './consumerProgress.js';
import type { FailedEventStore } from './failedEventStore.js';
import { isDependencyFailure } from './isDependencyFailure.js';
import type { FailureReason, RecordFailure, StreamBatchOutcome } from './types.js';

export interface ProcessStreamBatchOptions {
  store: FailedEventStore;
  /** The consumer's function name, part of every failure's id */
  functionName: string;
  /** Attempts before a record that keeps failing is set aside */
  maxAttempts: number;
  /** Where to record what each invocation processed, for reconciliation; none by default */
  progress?: ConsumerProgress;
  /** How long after its arrival a deferred record is re-delivered without counting attempts (`DEFER_GRACE_MS`) */
  deferGraceMs?: number;
  now?: () => Date;
  /** Waits before a batch whose dependency failed is handed back (tests pass a fake) */
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string, data: Record<string, unknown>) => void;
}

/** Consecutive dependency failures per function and shard, for the backoff (an instance's memory; a new instance starts at the base). */
const dependencyFailureStreaks = new Map<string, number>();

type Attempt = { outcome: StreamBatchOutcome } | { error: unknown };

/**
 * Runs a Kinesis consumer's batch function so that no record can block its shard: records the
 * function rejects go to the failed-events store at once; the record a partial failure points at
 * is re-delivered until it has failed `maxAttempts` times, then set aside and the shard moves on;
 * when the function throws for a whole batch, the batch is split in halves, in stream order, until
 * the record that throws (the poison record) is alone, instead of failing the rest with it. Consumers
 * must be idempotent (they are: a record is re-delivered after any failure anyway).
 *
 * A failure that is a dependency's, not the record's (a throttle, a timeout, a network error, a 5xx,
 * a dependency marked unavailable: {@link isDependencyFailure}, or an outcome marked `transient`) is
 * never counted as an attempt and never bisected: the batch is handed back after an exponential,
 * jittered backoff, and re-delivered until the dependency recovers or the record's age limit ends it.
 *
 * Records of a replay (`npm run failed -- replay`) are never set aside again: their failure is
 * thrown, so the replay reports it.
 *
 * @example
 * export const handler = (event: KinesisStreamEvent) =>
 *   processStreamBatch(event, (records) => joinRecords(records), { store, functionName, maxAttempts: 5 });
 */
export async function processStreamBatch(
  event: KinesisStreamEvent,
  processRecords: (records: KinesisRecordText[]) => Promise<StreamBatchOutcome>,
  options: ProcessStreamBatchOptions,
): Promise<KinesisStreamBatchResponse> {
  const sources = new Map<string, KinesisStreamRecord>(
    event.Records.map((record) => [record.kinesis.sequenceNumber, record]),
  );
  return processRecordBatch(
    readKinesisRecords(event),
    (sequenceNumber) => {
      const source = sources.get(sequenceNumber);
      return {
        eventSourceArn: source?.eventSourceARN ?? '',
        partitionKey: source?.kinesis.partitionKey ?? '',
        arrivalMs: (source?.kinesis.approximateArrivalTimestamp ?? 0) * 1000,
      };
    },
    processRecords,
    options,
  );
}

/** Where a record of a batch came from: its stream, partition key and arrival time (epoch ms). */
export interface RecordSource {
  eventSourceArn: string;
  partitionKey: string;
  arrivalMs: number;
}

/**
 * {@link processStreamBatch} over records of any stream, given as text with their shard and
 * position, and where each came from.
 */
export async function processRecordBatch(
  records: KinesisRecordText[],
  sourceOf: (sequenceNumber: string) => RecordSource,
  processRecords: (records: KinesisRecordText[]) => Promise<StreamBatchOutcome>,
  options: ProcessStreamBatchOptions,
): Promise<KinesisStreamBatchResponse> {
  const {
    store,
    functionName,
    maxAttempts,
    progress,
    deferGraceMs = DEFER_GRACE_MS,
    now = () => new Date(),
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    log = () => undefined,
  } = options;
  const setAside = new Set<string>();
  const streakKey = `${functionName}#${records[0]?.shardId ?? ''}`;
  let dependencyFailed = false;
  const attempt = (batch: KinesisRecordText[]): Promise<Attempt> =>
    processRecords(batch).then(
      (outcome) => ({ outcome }),
      (error: unknown) => ({ error }),
    );
  const failureOf = (record: KinesisRecordText, reason: FailureReason): RecordFailure => {
    const { eventSourceArn, partitionKey } = sourceOf(record.sequenceNumber);
    return {
      functionName,
      eventSourceArn,
      shardId: record.shardId,
      partitionKey,
      sequenceNumber: record.sequenceNumber,
      data: record.data,
      reason,
      at: now(),
    };
  };

  /** When the record entered its stream, in epoch ms. */
  const arrivalMsOf = (sequenceNumber: string): number => sourceOf(sequenceNumber).arrivalMs;

  /** The response for one attempt at `batch`, after storing what failed. */
  const settle = async (batch: KinesisRecordText[], result: Attempt): Promise<KinesisStreamBatchResponse> => {
    const outcome: StreamBatchOutcome =
      'error' in result
        ? { batchItemFailures: [{ itemIdentifier: batch[0]!.sequenceNumber }], failure: reasonOf(result.error) }
        : result.outcome;
    const bySequence = new Map(batch.map((record, index) => [record.sequenceNumber, index]));
    for (const { sequenceNumber, reason } of outcome.rejected ?? []) {
      const record = batch[bySequence.get(sequenceNumber)!]!;
      await store.setAside(failureOf(record, reason));
      setAside.add(sequenceNumber);
      log('set a record aside in the failed-events store', { shardId: record.shardId, sequenceNumber, reason });
    }
    const [failed] = outcome.batchItemFailures;
    if (!failed) return { batchItemFailures: [] };
    const index = bySequence.get(failed.itemIdentifier)!;
    const reason = outcome.failure ?? {
      name: 'RecordNotProcessed',
      message: 'The consumer asked for this record to be delivered again.',
    };
    if ('error' in result ? isDependencyFailure(result.error) : outcome.transient === true) {
      dependencyFailed = true;
      const streak = dependencyFailureStreaks.get(streakKey) ?? 0;
      dependencyFailureStreaks.set(streakKey, streak + 1);
      const backoffMs = Math.floor(
        Math.random() * Math.min(DEPENDENCY_BACKOFF_MAX_MS, DEPENDENCY_BACKOFF_BASE_MS * 2 ** streak),
      );
      log('a dependency failed, not the record; re-delivering after a backoff, no attempt counted', {
        sequenceNumber: failed.itemIdentifier,
        reason,
        streak: streak + 1,
        backoffMs,
      });
      await sleep(backoffMs);
      return { batchItemFailures: [failed] };
    }
    if (outcome.deferred && now().getTime() - arrivalMsOf(failed.itemIdentifier) < deferGraceMs) {
      log('deferred a record that waits for another service; no attempt counted', {
        sequenceNumber: failed.itemIdentifier,
        reason,
      });
      return { batchItemFailures: [failed] };
    }
    const { attempts, setAside: gaveUp } = await store.recordAttempt(failureOf(batch[index]!, reason), maxAttempts);
    if (!gaveUp) return { batchItemFailures: [failed] };
    setAside.add(failed.itemIdentifier);
    log('set a record aside after its last attempt', { sequenceNumber: failed.itemIdentifier, attempts, reason });
    const next = batch[index + 1];
    return { batchItemFailures: next ? [{ itemIdentifier: next.sequenceNumber }] : [] };
  };

  if (records.some((record) => record.shardId.endsWith(REPLAY_SHARD_SUFFIX)))
    return replayBatch(records, processRecords);

  // A record set aside is final: if the answer that moved past it was lost, Lambda delivers it
  // again, first in the batch (it resumes where the failure was reported). Processing it now and
  // replaying it later would count it twice.
  const [head] = records;
  if (head && (await store.wasSetAside(functionName, head.shardId, head.sequenceNumber))) {
    log('skipped a record that was set aside before; replay it from the failed-events store', {
      shardId: head.shardId,
      sequenceNumber: head.sequenceNumber,
    });
    setAside.add(head.sequenceNumber);
    records.shift();
    if (records.length === 0) return { batchItemFailures: [] };
  }

  // A batch that throws is split in halves until the record that throws is alone: its neighbours
  // are processed in ever larger groups and only it is counted as failing.
  const drive = async (batch: KinesisRecordText[]): Promise<KinesisStreamBatchResponse> => {
    const result = await attempt(batch);
    // Splitting finds a record that fails; a dependency that fails would only be called more often.
    if (!('error' in result) || batch.length === 1 || isDependencyFailure(result.error)) return settle(batch, result);
    log('the batch failed; splitting it to find the record that fails', {
      records: batch.length,
      error: reasonOf(result.error),
    });
    const middle = Math.ceil(batch.length / 2);
    const first = await drive(batch.slice(0, middle));
    return first.batchItemFailures.length > 0 ? first : drive(batch.slice(middle));
  };
  const response = await drive(records);
  if (!dependencyFailed) dependencyFailureStreaks.delete(streakKey);
  if (progress) await recordProgress(progress, records, response, setAside, { functionName, at: now() });
  return response;
}

/**
 * Records the records this invocation acknowledged: those before the position Lambda re-delivers
 * from, without the ones set aside (the failed-events store counts those).
 */
async function recordProgress(
  progress: ConsumerProgress,
  records: KinesisRecordText[],
  response: KinesisStreamBatchResponse,
  setAside: ReadonlySet<string>,
  context: { functionName: string; at: Date },
): Promise<void> {
  const failedAt = response.batchItemFailures[0]?.itemIdentifier;
  const end =
    failedAt === undefined ? records.length : records.findIndex((record) => record.sequenceNumber === failedAt);
  if (end <= 0) return;
  const windows: Record<string, number> = {};
  for (const record of records.slice(0, end)) {
    if (setAside.has(record.sequenceNumber)) continue;
    const window = ingestMinuteOf(record.data);
    windows[window] = (windows[window] ?? 0) + 1;
  }
  const { shardId, sequenceNumber: firstSequence } = records[0]!;
  await progress.record({
    ...context,
    shardId,
    firstSequence,
    lastSequence: records[end - 1]!.sequenceNumber,
    windows,
  });
}

async function replayBatch(
  records: KinesisRecordText[],
  processRecords: (records: KinesisRecordText[]) => Promise<StreamBatchOutcome>,
): Promise<KinesisStreamBatchResponse> {
  const outcome = await processRecords(records).catch((error: unknown) => {
    throw new ReplayFailedError(reasonOf(error));
  });
  const [rejected] = outcome.rejected ?? [];
  if (rejected) throw new ReplayFailedError(rejected.reason);
  if (outcome.batchItemFailures.length > 0) {
    throw new ReplayFailedError(
      outcome.failure ?? {
        name: 'RecordNotProcessed',
        message: 'The consumer asked for the record to be delivered again.',
      },
    );
  }
  return { batchItemFailures: [] };
}

function reasonOf(error: unknown): FailureReason {
  const { name = 'Error', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
  return { name, message };
}
