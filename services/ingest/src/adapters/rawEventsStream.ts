import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { putRecordsReliably, type PutOutcome, type StreamRecord } from '@sdp/shared';

/** Where accepted events go: the raw events Kinesis stream. */
export interface RawEventsStream {
  /** One outcome per record, in order; `ok` only for records the stream acknowledged. */
  write(records: readonly StreamRecord[]): Promise<PutOutcome[]>;
}

export function kinesisRawEventsStream(client: KinesisClient, streamName: string): RawEventsStream {
  return { write: (records) => putRecordsReliably(client, streamName, records) };
}
