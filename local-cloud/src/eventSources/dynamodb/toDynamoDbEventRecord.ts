import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { LOCAL_REGION } from '../constants.js';

/**
 * One DynamoDB stream record as Lambda puts it in `event.Records` (`DynamoDBRecord` of `@types/aws-lambda`):
 * epoch-seconds `ApproximateCreationDateTime`, base64 binary attributes, `awsRegion` and `eventSourceARN`.
 *
 * @example
 * ```ts
 * const event = { Records: page.Records.map((record) => toDynamoDbEventRecord(record, streamArn)) };
 * ```
 */
export const toDynamoDbEventRecord = (record: StreamRecord, streamArn: string): object => {
  const { ApproximateCreationDateTime, ...change } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor((ApproximateCreationDateTime?.getTime() ?? 0) / 1000),
      ...(toJsonShape(change) as object),
    },
    ...(record.userIdentity === undefined ? {} : { userIdentity: record.userIdentity }),
    eventSourceARN: streamArn,
  };
};

/** The SDK turns binary attributes into Uint8Array; Lambda's JSON carries them as base64. */
const toJsonShape = (value: unknown): unknown => {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonShape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [key, toJsonShape(entry)]),
    );
  }
  return value;
};
