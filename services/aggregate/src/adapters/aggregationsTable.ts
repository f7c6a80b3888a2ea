import { GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppliedCondition, WindowKey, WindowTable, WindowUpdate } from '../domain/types.js';

/**
 * The aggregations table behind the algorithm's `WindowTable`: one item per campaign window, the
 * counts as numbers that `ADD` grows, and one top-level `applied_<shardId>` string per source shard.
 * (Top-level rather than a map: `SET applied.#shard` fails while the map does not exist.)
 *
 * @example
 * const table = dynamoDbWindowTable(new DynamoDBClient({}), 'sdp-aggregate-dev-aggregations');
 * await table.addIfApplied(update, { below: update.appliedThrough }) // true, or false when the condition failed
 */
export function dynamoDbWindowTable(client: DynamoDBClient, tableName: string): WindowTable {
  return {
    async addIfApplied(update: WindowUpdate, condition: AppliedCondition): Promise<boolean> {
      const { increments } = update;
      const [conditionExpression, conditionValues] = toConditionExpression(condition);
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: keyOf(update),
            UpdateExpression:
              'ADD bids :bids, impressions :impressions, clicks :clicks, spend :spend ' +
              'SET #applied = :through, window_end = :end, window_day = :day, period_minutes = :period, updated_at = :at',
            ConditionExpression: conditionExpression,
            ExpressionAttributeNames: { '#applied': appliedAttribute(update.shardId) },
            ExpressionAttributeValues: {
              ':bids': { N: String(increments.bids) },
              ':impressions': { N: String(increments.impressions) },
              ':clicks': { N: String(increments.clicks) },
              ':spend': { N: String(increments.spend) },
              ':through': { S: update.appliedThrough },
              ':end': { S: update.windowEnd },
              ':day': { S: update.windowDay },
              ':period': { N: String(update.periodMinutes) },
              ':at': { S: update.updatedAt },
              ...conditionValues,
            },
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    async readApplied(key: WindowKey): Promise<string | undefined> {
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: keyOf(key),
          ConsistentRead: true,
          ProjectionExpression: '#applied',
          ExpressionAttributeNames: { '#applied': appliedAttribute(key.shardId) },
        }),
      );
      return Item?.[appliedAttribute(key.shardId)]?.S;
    },
  };
}

/** The attribute holding the highest sequence number of `shardId` counted in an item. */
export function appliedAttribute(shardId: string): string {
  return `applied_${shardId}`;
}

function keyOf({ campaignItemId, windowStart }: WindowKey) {
  return { campaign_item_id: { N: String(campaignItemId) }, window_start: { S: windowStart } };
}

function toConditionExpression(condition: AppliedCondition): [string, Record<string, { S: string }>] {
  if ('below' in condition) return ['attribute_not_exists(#applied) OR #applied < :seq', { ':seq': { S: condition.below } }];
  if (condition.equals === undefined) return ['attribute_not_exists(#applied)', {}];
  return ['#applied = :seq', { ':seq': { S: condition.equals } }];
}
