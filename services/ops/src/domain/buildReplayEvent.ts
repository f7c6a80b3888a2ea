import { marshall } from '@aws-sdk/util-dynamodb';
import { REPLAY_SHARD_SUFFIX, type FailedEvent, type TableChange } from '@sdp/shared-streams';
import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';
import { NotReplayableError } from './errors.js';

/**
 * The Lambda event that re-drives one failed record through its consumer, in the shape its stream
 * delivers (ADR 14). A Kinesis record comes as Kinesis delivered it (same partition key and
 * sequence number, `data` as given), on its shard marked as a replay so consumers keep it apart
 * from the stream's own deliveries. A table change (kept as JSON: sequence number, new and old
 * image) comes as its DynamoDB stream delivers it, on the stream's ARN marked as a replay.
 *
 * @example
 * buildReplayEvent(failed, failed.data, new Date()).Records[0].eventID // 'shardId-000000000001-replay:4960…'
 */
export function buildReplayEvent(
  failed: FailedEvent,
  data: string,
  now: Date,
): KinesisStreamEvent | DynamoDBStreamEvent {
  const region = failed.event_source_arn.split(':')[3] ?? 'us-east-1';
  if (failed.event_source_arn.includes(':table/')) return tableChangeReplay(failed, data, now, region);
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

function tableChangeReplay(failed: FailedEvent, data: string, now: Date, region: string): DynamoDBStreamEvent {
  let change: TableChange;
  try {
    change = JSON.parse(data) as TableChange;
  } catch {
    throw new NotReplayableError(
      `${failed.failure_id} is a table change: its data must be the change as JSON ({"sequenceNumber", "newImage", "oldImage"}).`,
    );
  }
  const image = (value: Record<string, unknown> | undefined) =>
    value ? marshall(value, { removeUndefinedValues: true }) : undefined;
  const newImage = image(change.newImage);
  const oldImage = image(change.oldImage);
  return {
    Records: [
      {
        eventID: `${failed.sequence_number}${REPLAY_SHARD_SUFFIX}`,
        eventName: newImage ? (oldImage ? 'MODIFY' : 'INSERT') : 'REMOVE',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: region,
        eventSourceARN: `${failed.event_source_arn}${REPLAY_SHARD_SUFFIX}`,
        dynamodb: {
          ApproximateCreationDateTime: now.getTime() / 1000,
          Keys: marshall(JSON.parse(failed.partition_key || '{}') as Record<string, unknown>) as never,
          SequenceNumber: failed.sequence_number,
          StreamViewType: oldImage ? 'NEW_AND_OLD_IMAGES' : 'NEW_IMAGE',
          ...(newImage ? { NewImage: newImage as never } : {}),
          ...(oldImage ? { OldImage: oldImage as never } : {}),
        },
      },
    ],
  };
}
