import { TransactWriteItemsCommand, type DynamoDBClient, type TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { WindowCount, WindowCounter } from '../domain/types.js';

export interface WindowCounterTables {
  /** One item per campaign window; the counts are numbers that `ADD` grows */
  aggregations: string;
  /** One item per counted logical event, key `event_key`, expired by TTL on `expires_at` */
  countedEvents: string;
}

/**
 * The algorithm's `WindowCounter` on DynamoDB: one `TransactWriteItems` per count, a conditional
 * `Put` of each event key (`attribute_not_exists(event_key)`) and one `Update` of the window, so a
 * key is claimed exactly when its event is added. When the transaction is cancelled because some
 * keys exist, the puts with `ConditionalCheckFailed` name them (the others were only cancelled along).
 *
 * @example
 * const counter = dynamoDbWindowCounter(new DynamoDBClient({}), { aggregations: 'sdp-aggregate-dev-aggregations', countedEvents: 'sdp-aggregate-dev-counted-events' });
 * await counter.countOnce(count) // { alreadyCounted: [] }, or e.g. { alreadyCounted: ['tx-42#imp'] } and nothing written
 */
export function dynamoDbWindowCounter(client: DynamoDBClient, tables: WindowCounterTables): WindowCounter {
  return {
    async countOnce(count: WindowCount) {
      const { increments } = count;
      const claims = count.eventKeys.map((eventKey) => ({
        Put: {
          TableName: tables.countedEvents,
          Item: { event_key: { S: eventKey }, expires_at: { N: String(count.expiresAt) } },
          ConditionExpression: 'attribute_not_exists(event_key)',
        },
      }));
      const addToWindow = {
        Update: {
          TableName: tables.aggregations,
          Key: { campaign_item_id: { N: String(count.campaignItemId) }, window_start: { S: count.windowStart } },
          UpdateExpression:
            'ADD bids :bids, impressions :impressions, clicks :clicks, spend :spend ' +
            'SET window_end = :end, window_day = :day, period_minutes = :period, updated_at = :at',
          ExpressionAttributeValues: {
            ':bids': { N: String(increments.bids) },
            ':impressions': { N: String(increments.impressions) },
            ':clicks': { N: String(increments.clicks) },
            ':spend': { N: String(increments.spend) },
            ':end': { S: count.windowEnd },
            ':day': { S: count.windowDay },
            ':period': { N: String(count.periodMinutes) },
            ':at': { S: count.updatedAt },
          },
        },
      };
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: [...claims, addToWindow] }));
        return { alreadyCounted: [] };
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        const alreadyCounted = count.eventKeys.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed');
        if (alreadyCounted.length === 0) throw error;
        return { alreadyCounted };
      }
    },
  };
}
