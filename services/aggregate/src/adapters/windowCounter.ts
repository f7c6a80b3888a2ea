import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { addAbovePosition, windowAttributes } from '@sdp/shared-streams';
import { countIncrements } from '../domain/countIncrements.js';
import type { WindowCounter } from '../domain/types.js';
import { campaignWindowItems } from './campaignWindowItem.js';

/**
 * The algorithm's `WindowCounter` on DynamoDB: one conditional `UpdateItem` per window and batch
 * that adds the counts and raises the window's position for the shard (`addAbovePosition`), in the
 * item layout it publishes for readers (`campaignWindowItems`).
 *
 * @example
 * const counter = dynamoDbWindowCounter(new DynamoDBClient({}), 'sdp-aggregate-dev-aggregations');
 * await counter.count(window, records, new Date().toISOString()) // { counted: 12, duplicates: 0 }
 */
export function dynamoDbWindowCounter(client: DynamoDBClient, tableName: string): WindowCounter {
  return {
    count: (window, records, updatedAt) =>
      addAbovePosition(
        client,
        {
          tableName,
          key: campaignWindowItems.itemKey(window.campaignItemId, window.windowStart),
          incrementOf: (counted) => ({
            add: { ...countIncrements(counted.map((record) => record.value)) },
            set: windowAttributes(window, updatedAt),
          }),
        },
        records,
      ),
  };
}
