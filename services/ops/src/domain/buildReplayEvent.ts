import { REPLAY_SHARD_SUFFIX, type FailedEvent } from '@sdp/shared';
import type { KinesisStreamEvent } from 'aws-lambda';

/**
 * The Lambda event that re-drives one failed record through its consumer: the record as Kinesis
 * delivered it (same partition key and sequence number, `data` as given), on its shard marked as a
 * replay so consumers keep it apart from the stream's own deliveries (ADR 14).
 *
 * @example
 * buildReplayEvent(failed, failed.data, new Date()).Records[0].eventID // 'shardId-000000000001-replay:4960…'
 */
export function buildReplayEvent(failed: FailedEvent, data: string, now: Date): KinesisStreamEvent {
  const region = failed.event_source_arn.split(':')[3] ?? 'us-east-1';
  return {
    Records: [
      {
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventName: 'aws:kinesis:record',
        eventID: `${failed.shard_id}${REPLAY_SHARD_SUFFIX}:${failed.sequence_number}`,
        eventSourceARN: failed.event_source_arn,
        invokeIdentityArn: '',
        awsRegion: region,
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: failed.partition_key,
          sequenceNumber: failed.sequence_number,
          data: Buffer.from(data, 'utf8').toString('base64'),
          approximateArrivalTimestamp: now.getTime() / 1000,
        },
      },
    ],
  };
}
