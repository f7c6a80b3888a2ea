import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { putRecordsReliably, type PutOutcome, type StreamRecord } from '@sdp/shared-streams';

/** Where changed windows go: the aggregates Kinesis stream. */
export interface AggregatesStream {
  /** One outcome per record, in order; `ok` only for records the stream acknowledged. */
  write(records: readonly StreamRecord[]): Promise<PutOutcome[]>;
}

/**
 * @example
 * const aggregates = kinesisAggregatesStream(createKinesisClient(), 'sdp-aggregate-dev-aggregates');
 * await aggregates.write([{ partitionKey: '7', data }]) // [{ ok: true, shardId, sequenceNumber }]
 */
export function kinesisAggregatesStream(client: KinesisClient, streamName: string): AggregatesStream {
  return { write: (records) => putRecordsReliably(client, streamName, records) };
}
