import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { putRecordsReliably, type PutOutcome, type StreamRecord } from '@sdp/shared-streams';

/** Where accepted events go: a Kinesis stream (raw ad events, or the clickstream). */
export interface EventStream {
  /** One outcome per record, in order; `ok` only for records the stream acknowledged. */
  write(records: readonly StreamRecord[]): Promise<PutOutcome[]>;
}

export function kinesisEventStream(client: KinesisClient, streamName: string): EventStream {
  return { write: (records) => putRecordsReliably(client, streamName, records) };
}
