import { LOCAL_REGION } from '../constants.js';

/** A record as DynamoDB Streams GetRecords answers it on the wire (attribute values as JSON, base64 binaries). */
export interface DynamoDbWireRecord {
  eventID?: string;
  eventName?: string;
  userIdentity?: unknown;
  dynamodb?: { ApproximateCreationDateTime?: number; SequenceNumber?: string } & Record<string, unknown>;
}

/**
 * One DynamoDB stream record as Lambda puts it in `event.Records` (`DynamoDBRecord` of `@types/aws-lambda`):
 * epoch-seconds `ApproximateCreationDateTime`, the change's attribute values as the wire carries them
 * (base64 binaries), `awsRegion` and `eventSourceARN`.
 *
 * @example
 * ```ts
 * const event = { Records: page.Records.map((record) => toDynamoDbEventRecord(record, streamArn)) };
 * ```
 */
export const toDynamoDbEventRecord = (record: DynamoDbWireRecord, streamArn: string): object => {
  const { ApproximateCreationDateTime, ...change } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    dynamodb: { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime ?? 0), ...change },
    ...(record.userIdentity === undefined ? {} : { userIdentity: record.userIdentity }),
    eventSourceARN: streamArn,
  };
};
