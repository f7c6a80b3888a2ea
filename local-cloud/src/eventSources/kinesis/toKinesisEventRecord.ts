import { INVOKE_IDENTITY_ARN, LOCAL_REGION } from '../constants.js';

/** A record as Kinesis GetRecords answers it on the wire: base64 data, arrival in epoch seconds. */
export interface KinesisWireRecord {
  SequenceNumber: string;
  ApproximateArrivalTimestamp: number;
  Data: string;
  PartitionKey: string;
}

/**
 * One Kinesis record as Lambda puts it in `event.Records` (`KinesisStreamRecord` of `@types/aws-lambda`).
 * The data stays the base64 text GetRecords answered with, as Lambda passes it on.
 *
 * @example
 * ```ts
 * const event = { Records: page.Records.map((record) => toKinesisEventRecord(record, 'shardId-000000000000', arn)) };
 * ```
 */
export const toKinesisEventRecord = (record: KinesisWireRecord, shardId: string, streamArn: string): object => ({
  kinesis: {
    kinesisSchemaVersion: '1.0',
    partitionKey: record.PartitionKey,
    sequenceNumber: record.SequenceNumber,
    data: record.Data,
    approximateArrivalTimestamp: record.ApproximateArrivalTimestamp,
  },
  eventSource: 'aws:kinesis',
  eventVersion: '1.0',
  eventID: `${shardId}:${record.SequenceNumber}`,
  eventName: 'aws:kinesis:record',
  invokeIdentityArn: INVOKE_IDENTITY_ARN,
  awsRegion: LOCAL_REGION,
  eventSourceARN: streamArn,
});
