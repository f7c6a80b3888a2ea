import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { tableChangesOf, type TableChange } from '../streams/publishTableChanges.js';
import { processRecordBatch, type ProcessStreamBatchOptions, type RecordSource } from './processStreamBatch.js';
import type { StreamBatchOutcome } from './types.js';

/**
 * {@link processStreamBatch} for a DynamoDB stream consumer: a change its function cannot process
 * is re-delivered until its last attempt, then kept in the failed-events store (its data is the
 * change as JSON: sequence number, new and old image) and the batch resumes after it; a
 * dependency's failure is never counted. The store names the stream's label as the shard
 * ({@link streamLabelOf}): a table stream's records are ordered by their sequence numbers. A replay (`npm run failed -- replay`)
 * delivers the change on a stream ARN suffixed `-replay`.
 *
 * @example
 * export const handler = (event: DynamoDBStreamEvent) =>
 *   processTableChangeBatch(event, (changes) => priceBatch(changes, options), { store, functionName, maxAttempts: 5 });
 */
export function processTableChangeBatch(
  event: DynamoDBStreamEvent,
  processChanges: (changes: TableChange[]) => Promise<StreamBatchOutcome>,
  options: ProcessStreamBatchOptions,
): Promise<DynamoDBBatchResponse> {
  const changes = tableChangesOf(event);
  const bySequence = new Map(changes.map((change) => [change.sequenceNumber, change]));
  const sources = new Map<string, RecordSource>(
    event.Records.map(({ eventSourceARN = '', dynamodb }) => [
      dynamodb?.SequenceNumber ?? '',
      {
        eventSourceArn: eventSourceARN,
        // aws-lambda's AttributeValue type and the SDK's describe the same JSON.
        partitionKey: JSON.stringify(dynamodb?.Keys ? unmarshall(dynamodb.Keys as Record<string, AttributeValue>) : {}),
        arrivalMs: (dynamodb?.ApproximateCreationDateTime ?? 0) * 1000,
      },
    ]),
  );
  // The change as JSON is what the failed-events store keeps (and a replay delivers back).
  const records = changes.map((change, i) => ({
    shardId: streamLabelOf(event.Records[i]?.eventSourceARN ?? ''),
    sequenceNumber: change.sequenceNumber,
    data: JSON.stringify(change),
  }));
  return processRecordBatch(
    records,
    (sequenceNumber) => sources.get(sequenceNumber) ?? { eventSourceArn: '', partitionKey: '', arrivalMs: 0 },
    (batch) => processChanges(batch.map((record) => bySequence.get(record.sequenceNumber)!)),
    options,
  );
}

/**
 * The shard name the failed-events store gives a table stream's records: `stream-` and the stream's
 * label (what its ARN has after `/stream/`), a replay's suffix kept.
 *
 * @example
 * streamLabelOf('arn:aws:dynamodb:us-east-1:1:table/prices/stream/2026-12-06T10:00:00.000') // 'stream-2026-12-06T10:00:00.000'
 */
export function streamLabelOf(eventSourceArn: string): string {
  const at = eventSourceArn.lastIndexOf('/stream/');
  return `stream-${at === -1 ? eventSourceArn : eventSourceArn.slice(at + '/stream/'.length)}`;
}
