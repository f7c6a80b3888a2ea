import {
  GetItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { failedEventOf, type FailedEvent } from '@sdp/shared-streams';
import type { FailedEventsTable } from '../domain/types.js';
import { whetherWritten } from './whetherWritten.js';

const BY_STATUS_INDEX = 'ByStatus';

export function dynamoDbFailedEventsTable(client: DynamoDBClient, tableName: string): FailedEventsTable {
  const key = (failureId: string) => ({ failure_id: { S: failureId } });
  return {
    async get(failureId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: key(failureId), ConsistentRead: true }),
      );
      return Item ? failedEventOf(Item) : undefined;
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
        items.push(...(page.Items ?? []).map(failedEventOf));
        start = page.LastEvaluatedKey;
      } while (start && items.length < limit);
      return items;
    },
    async scanAll() {
      const items: FailedEvent[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []).map(failedEventOf));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    claimForReplay: (failureId, at, staleBefore) =>
      whetherWritten(
        client.send(
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
