import type { _Record as KinesisRecord } from '@aws-sdk/client-kinesis';
import { INVOKE_IDENTITY_ARN, LOCAL_REGION } from '../constants.js';

/**
 * One Kinesis record as Lambda puts it in `event.Records` (`KinesisStreamRecord` of `@types/aws-lambda`).
 *
 * @example
 * ```ts
 * const event = { Records: page.Records.map((record) => toKinesisEventRecord(record, 'shardId-000000000000', arn)) };
 * ```
 */
export const toKinesisEventRecord = (record: KinesisRecord, shardId: string, streamArn: string): object => ({
  kinesis: {
    kinesisSchemaVersion: '1.0',
    partitionKey: record.PartitionKey,
    sequenceNumber: record.SequenceNumber,
    data: Buffer.from(record.Data ?? new Uint8Array()).toString('base64'),
    approximateArrivalTimestamp: (record.ApproximateArrivalTimestamp?.getTime() ?? 0) / 1000,
  },
  eventSource: 'aws:kinesis',
  eventVersion: '1.0',
  eventID: `${shardId}:${record.SequenceNumber}`,
  eventName: 'aws:kinesis:record',
  invokeIdentityArn: INVOKE_IDENTITY_ARN,
  awsRegion: LOCAL_REGION,
  eventSourceARN: streamArn,
});
