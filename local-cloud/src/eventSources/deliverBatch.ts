import { abortableSleep } from './abortableSleep.js';
import { buildInvocationRecord, type FailedBatch } from './buildInvocationRecord.js';
import { RETRY_BACKOFF_MS } from './constants.js';
import { type BatchVerdict, interpretBatchResponse } from './interpretBatchResponse.js';
import type { Invoke, MappingStats, OnFailureSink, SourceRecord, StreamTrigger } from './types.js';

export interface DeliveryContext {
  trigger: StreamTrigger;
  shardId: string;
  batchInfoKey: FailedBatch['batchInfoKey'];
  invoke: Invoke;
  onFailure: OnFailureSink;
  stats: Omit<MappingStats, 'lagMs'>;
  signal: AbortSignal;
  /** Persists that processing resumes after `record`. */
  commit(record: SourceRecord): Promise<void>;
  log(msg: string, data?: object): void;
}

interface PendingBatch {
  records: SourceRecord[];
  retries: number;
  invocations: number;
}

/**
 * Delivers one batch of a shard with Lambda's stream error handling, checkpointing each part that
 * succeeds or is given up on: partial batch responses resume at the lowest failed item, function
 * errors are retried with backoff (or bisected first, without using up retries), and a part that
 * runs out of retries or age goes to the on-failure destination so the shard keeps flowing.
 *
 * Resolves `stopped` when the mapping stops; the unfinished part is then left uncheckpointed.
 *
 * @example
 * ```ts
 * const outcome = await deliverBatch(records, context);
 * if (outcome === 'stopped') return;
 * ```
 */
export const deliverBatch = async (
  records: SourceRecord[],
  context: DeliveryContext,
): Promise<'delivered' | 'stopped'> => {
  const { trigger } = context;
  const queue: PendingBatch[] = [{ records, retries: 0, invocations: 0 }];
  while (queue[0] !== undefined) {
    const batch = queue[0];
    const expired = countExpired(batch.records, trigger.maximumRecordAgeInSeconds);
    if (expired > 0) {
      await giveUp(context, { ...batch, records: batch.records.slice(0, expired) }, 'RecordAgeExceeded');
      batch.records = batch.records.slice(expired);
      if (batch.records.length === 0) queue.shift();
      continue;
    }
    if (context.signal.aborted) return 'stopped';
    batch.invocations += 1;
    const verdict = await invokeBatch(batch.records, context);
    if (verdict.kind === 'success') {
      await succeed(context, batch.records);
      queue.shift();
      continue;
    }
    context.stats.failedInvocations += 1;
    // A partial batch response is the function asking for the rest again (a record it could not do
    // yet, or one that waits for another service's decision): not a failed invocation.
    if (verdict.kind === 'partialFailure')
      context.log('re-delivering from the record the function reported', {
        shardId: context.shardId,
        size: batch.records.length,
        ...verdict,
      });
    else context.log('batch failed', { shardId: context.shardId, size: batch.records.length, ...verdict });
    if (verdict.kind === 'partialFailure') {
      await succeed(context, batch.records.slice(0, verdict.firstFailedIndex));
      batch.records = batch.records.slice(verdict.firstFailedIndex);
    }
    if (context.signal.aborted) return 'stopped';
    if (verdict.kind === 'batchFailure' && trigger.bisectBatchOnFunctionError && batch.records.length > 1) {
      const middle = Math.ceil(batch.records.length / 2);
      queue.splice(
        0,
        1,
        { records: batch.records.slice(0, middle), retries: batch.retries, invocations: 0 },
        { records: batch.records.slice(middle), retries: batch.retries, invocations: 0 },
      );
      continue;
    }
    if (trigger.maximumRetryAttempts !== -1 && batch.retries >= trigger.maximumRetryAttempts) {
      const functionError = verdict.kind === 'batchFailure' ? verdict.functionError : undefined;
      await giveUp(context, { ...batch, functionError }, 'RetryAttemptsExhausted');
      queue.shift();
      continue;
    }
    batch.retries += 1;
    await abortableSleep(
      Math.min(RETRY_BACKOFF_MS.first * 2 ** (batch.retries - 1), RETRY_BACKOFF_MS.max),
      context.signal,
    );
  }
  return 'delivered';
};

const invokeBatch = async (records: SourceRecord[], context: DeliveryContext): Promise<BatchVerdict> => {
  try {
    const response = await context.invoke({ Records: records.map((record) => record.lambdaRecord) });
    return interpretBatchResponse(response, records, context.trigger.reportBatchItemFailures);
  } catch (error) {
    return { kind: 'batchFailure', functionError: 'Unhandled', reason: (error as Error)?.message ?? String(error) };
  }
};

const succeed = async (context: DeliveryContext, records: SourceRecord[]): Promise<void> => {
  const last = records[records.length - 1];
  if (last === undefined) return;
  await context.commit(last);
  context.stats.delivered += records.length;
};

const giveUp = async (
  context: DeliveryContext,
  batch: PendingBatch & { functionError?: string },
  condition: FailedBatch['condition'],
): Promise<void> => {
  const { trigger } = context;
  const record = buildInvocationRecord({
    functionName: trigger.functionName,
    streamArn: trigger.streamArn,
    shardId: context.shardId,
    batchInfoKey: context.batchInfoKey,
    records: batch.records,
    condition,
    approximateInvokeCount: batch.invocations,
    functionError: batch.functionError,
  });
  if (trigger.onFailureArn === undefined) {
    context.log('dropping failed batch: no on-failure destination', record);
  } else {
    await context.onFailure.send(trigger.onFailureArn, record);
  }
  context.stats.sentToOnFailure += 1;
  const last = batch.records[batch.records.length - 1];
  if (last !== undefined) await context.commit(last);
};

const countExpired = (records: SourceRecord[], maximumRecordAgeInSeconds: number): number => {
  if (maximumRecordAgeInSeconds === -1) return 0;
  const oldestAllowed = Date.now() - maximumRecordAgeInSeconds * 1000;
  const firstFresh = records.findIndex((record) => record.arrivalMs >= oldestAllowed);
  return firstFresh === -1 ? records.length : firstFresh;
};
