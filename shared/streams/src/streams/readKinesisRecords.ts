import type { KinesisStreamEvent } from 'aws-lambda';

/** A Kinesis record as stream consumers use it: its shard, position and data as text. */
export interface KinesisRecordText {
  shardId: string;
  sequenceNumber: string;
  data: string;
}

/**
 * The records of a Lambda Kinesis event with their data decoded (UTF-8) and their shard taken from
 * `eventID`, which Lambda sets to `<shardId>:<sequenceNumber>`.
 *
 * @example
 * readKinesisRecords(event)[0] // { shardId: 'shardId-000000000000', sequenceNumber: '4968…', data: '{"schema_version":1,…}' }
 */
export function readKinesisRecords(event: KinesisStreamEvent): KinesisRecordText[] {
  return event.Records.map(({ eventID, kinesis }) => ({
    shardId: eventID.slice(0, eventID.lastIndexOf(':')),
    sequenceNumber: kinesis.sequenceNumber,
    data: Buffer.from(kinesis.data, 'base64').toString('utf8'),
  }));
}
