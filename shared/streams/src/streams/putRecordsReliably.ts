import { PutRecordsCommand, type KinesisClient, type PutRecordsResultEntry } from '@aws-sdk/client-kinesis';
import { chunkForPutRecords } from './chunkForPutRecords.js';
import type { PutOutcome, RetryPolicy, StreamRecord } from './types.js';

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 800 };

const RETRYABLE_RECORD_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'InternalFailure',
  'KMSThrottlingException',
]);

/**
 * Writes records with PutRecords, retrying throttled or failed entries (and failed calls) with
 * exponential backoff and full jitter. Resolves with one outcome per record, in input order;
 * an outcome is `ok` only when Kinesis acknowledged that record, so callers never report a record
 * as stored that was not.
 *
 * @example
 * const outcomes = await putRecordsReliably(client, 'raw-events', [{ partitionKey: 'tx1', data }]);
 * if (outcomes[0].ok) console.log(outcomes[0].sequenceNumber);
 */
export async function putRecordsReliably(
  client: KinesisClient,
  streamName: string,
  records: readonly StreamRecord[],
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<PutOutcome[]> {
  const outcomes: (PutOutcome | undefined)[] = new Array(records.length);
  const lastFailure = new Map<number, { errorCode: string; errorMessage: string; retryable: boolean }>();
  let pending = records.map((_, index) => index);

  for (let attempt = 1; pending.length > 0 && attempt <= policy.maxAttempts; attempt++) {
    if (attempt > 1) await sleep(backoffMs(attempt - 1, policy));
    const stillPending: number[] = [];
    for (const chunk of chunkForPutRecords(pending, (index) => records[index]!)) {
      try {
        const result = await client.send(
          new PutRecordsCommand({
            StreamName: streamName,
            Records: chunk.map((index) => ({ PartitionKey: records[index]!.partitionKey, Data: records[index]!.data })),
          }),
        );
        chunk.forEach((index, position) => {
          const entry: PutRecordsResultEntry | undefined = result.Records?.[position];
          if (entry?.SequenceNumber && entry.ShardId && !entry.ErrorCode) {
            outcomes[index] = { ok: true, shardId: entry.ShardId, sequenceNumber: entry.SequenceNumber };
            return;
          }
          // A missing entry means the answer did not cover this record: try it again.
          const failure = entry
            ? {
                errorCode: entry.ErrorCode ?? 'Unknown',
                errorMessage: entry.ErrorMessage ?? 'no message',
                retryable: RETRYABLE_RECORD_ERRORS.has(entry.ErrorCode ?? ''),
              }
            : {
                errorCode: 'MissingResult',
                errorMessage: 'PutRecords returned no result for this record',
                retryable: true,
              };
          lastFailure.set(index, failure);
          if (failure.retryable) stillPending.push(index);
          else outcomes[index] = { ok: false, ...failure };
        });
      } catch (error) {
        const failure = { ...describeCallError(error), retryable: isRetryableCallError(error) };
        chunk.forEach((index) => lastFailure.set(index, failure));
        if (failure.retryable) stillPending.push(...chunk);
        else chunk.forEach((index) => (outcomes[index] = { ok: false, ...failure }));
      }
    }
    pending = stillPending;
  }
  for (const index of pending) outcomes[index] = { ok: false, ...lastFailure.get(index)! };
  return outcomes as PutOutcome[];
}

function backoffMs(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(Math.random() * ceiling);
}

function describeCallError(error: unknown): { errorCode: string; errorMessage: string } {
  const { name = 'Error', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
  return { errorCode: name, errorMessage: message };
}

function isRetryableCallError(error: unknown): boolean {
  const { name, $metadata, $retryable } = (error ?? {}) as {
    name?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  if ($retryable) return true;
  if (name === 'ResourceNotFoundException' || name === 'ValidationException' || name === 'AccessDeniedException')
    return false;
  const status = $metadata?.httpStatusCode;
  // No status means the request never got an answer (refused, reset, timed out): worth another try.
  return status === undefined || status >= 500 || status === 429 || /Throttl|Exceeded/.test(name ?? '');
}
