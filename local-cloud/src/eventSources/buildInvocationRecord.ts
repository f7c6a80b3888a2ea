import { randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './constants.js';
import type { SourceRecord } from './types.js';

export interface FailedBatch {
  functionName: string;
  streamArn: string;
  shardId: string;
  batchInfoKey: 'KinesisBatchInfo' | 'DDBStreamBatchInfo';
  records: readonly SourceRecord[];
  condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
  approximateInvokeCount: number;
  /** `Unhandled` after a function error or timeout; absent after reported item failures. */
  functionError?: string;
}

/**
 * The invocation record Lambda sends to a stream mapping's on-failure destination: it describes
 * the failed batch; the records themselves stay in the stream.
 *
 * @example
 * ```ts
 * await sink.send(onFailureArn, buildInvocationRecord({ ...batch, condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 }));
 * ```
 */
export const buildInvocationRecord = (batch: FailedBatch, now: Date = new Date()): object => {
  const first = batch.records[0];
  const last = batch.records[batch.records.length - 1];
  return {
    requestContext: {
      requestId: randomUUID(),
      functionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${batch.functionName}`,
      condition: batch.condition,
      approximateInvokeCount: batch.approximateInvokeCount,
    },
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(batch.functionError === undefined ? {} : { functionError: batch.functionError }),
    },
    version: '1.0',
    timestamp: now.toISOString(),
    [batch.batchInfoKey]: {
      shardId: batch.shardId,
      startSequenceNumber: first?.sequenceNumber,
      endSequenceNumber: last?.sequenceNumber,
      approximateArrivalOfFirstRecord: first === undefined ? undefined : new Date(first.arrivalMs).toISOString(),
      approximateArrivalOfLastRecord: last === undefined ? undefined : new Date(last.arrivalMs).toISOString(),
      batchSize: batch.records.length,
      streamArn: batch.streamArn,
    },
  };
};
