import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { transactWithClaims } from '@sdp/shared';
import type { WindowCount, WindowCounter } from '../domain/types.js';

export interface WindowCounterTables {
  /** One item per campaign window; the counts are numbers that `ADD` grows */
  aggregations: string;
  /** One item per counted logical event, key `event_key`, expired by TTL on `expires_at` */
  countedEvents: string;
}

/**
 * The algorithm's `WindowCounter` on DynamoDB: one `TransactWriteItems` per count that claims each
 * event key and updates the window (`transactWithClaims`), so a key is claimed exactly when its
 * event is added.
 *
 * @example
 * const counter = dynamoDbWindowCounter(new DynamoDBClient({}), { aggregations: 'sdp-aggregate-dev-aggregations', countedEvents: 'sdp-aggregate-dev-counted-events' });
 * await counter.countOnce(count) // { alreadyCounted: [] }, or e.g. { alreadyCounted: ['tx-42#imp'] } and nothing written
 */
export function dynamoDbWindowCounter(client: DynamoDBClient, tables: WindowCounterTables): WindowCounter {
  return {
    async countOnce(count: WindowCount) {
      const { increments } = count;
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
      return transactWithClaims(client, { tableName: tables.countedEvents, eventKeys: count.eventKeys, expiresAt: count.expiresAt }, [addToWindow]);
    },
  };
}
