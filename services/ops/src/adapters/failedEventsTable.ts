import {
  GetItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { FailedEvent, FailedEventStatus } from '@sdp/shared';
import type { FailedEventsTable } from '../domain/types.js';

const BY_STATUS_INDEX = 'ByStatus';

export function dynamoDbFailedEventsTable(client: DynamoDBClient, tableName: string): FailedEventsTable {
  const key = (failureId: string) => ({ failure_id: { S: failureId } });
  const conditional = async (command: UpdateItemCommand): Promise<boolean> =>
    client.send(command).then(
      () => true,
      (error: Error) => {
        if (error.name === 'ConditionalCheckFailedException') return false;
        throw error;
      },
    );
  return {
    async get(failureId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: key(failureId), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },
    async listByStatus(status, limit) {
      const items: FailedEvent[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: BY_STATUS_INDEX,
            KeyConditionExpression: '#status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': { S: status } },
            ScanIndexForward: false,
            Limit: limit - items.length,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []).map(fromItem));
        start = page.LastEvaluatedKey;
      } while (start && items.length < limit);
      return items;
    },
    async scanAll() {
      const items: FailedEvent[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []).map(fromItem));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    claimForReplay: (failureId, at, staleBefore) =>
      conditional(
        new UpdateItemCommand({
          TableName: tableName,
          Key: key(failureId),
          UpdateExpression: 'SET #status = :replaying, replay_started_at = :at',
          ConditionExpression: '#status = :failed OR (#status = :replaying AND replay_started_at < :stale)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':replaying': { S: 'replaying' },
            ':failed': { S: 'failed' },
            ':at': { S: at.toISOString() },
            ':stale': { S: staleBefore.toISOString() },
          },
        }),
      ),
    async markReplayed(failureId, at, replayedWith) {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: key(failureId),
          UpdateExpression:
            'SET #status = :replayed, replayed_at = :at, replayed_with = :with REMOVE last_replay_error',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':replayed': { S: 'replayed' },
            ':at': { S: at.toISOString() },
            ':with': { S: replayedWith },
          },
        }),
      );
    },
    async markReplayFailed(failureId, error) {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: key(failureId),
          UpdateExpression: 'SET #status = :failed, last_replay_error = :error',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': { S: 'failed' }, ':error': { S: error.slice(0, 2_000) } },
        }),
      );
    },
  };
}

function fromItem(item: Record<string, AttributeValue>): FailedEvent {
  const text = (name: string) => item[name]?.S;
  return {
    failure_id: text('failure_id')!,
    function_name: text('function_name') ?? '',
    event_source_arn: text('event_source_arn') ?? '',
    shard_id: text('shard_id') ?? '',
    sequence_number: text('sequence_number') ?? '',
    partition_key: text('partition_key') ?? '',
    data: text('data') ?? '',
    data_truncated: item.data_truncated?.BOOL ?? false,
    error_name: text('error_name') ?? '',
    error_message: text('error_message') ?? '',
    attempts: Number(item.attempts?.N ?? '0'),
    status: (text('status') ?? 'failed') as FailedEventStatus,
    first_failed_at: text('first_failed_at') ?? '',
    last_failed_at: text('last_failed_at') ?? '',
    ...optional('received_at', text('received_at')),
    ...optional('replayed_at', text('replayed_at')),
    ...optional('replayed_with', text('replayed_with')),
    ...optional('last_replay_error', text('last_replay_error')),
  };
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
