import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { addAbovePosition, windowAttributes } from '@sdp/shared';
import { countIncrements } from '../domain/countIncrements.js';
import type { WindowCounter } from '../domain/types.js';

/**
 * The algorithm's `WindowCounter` on DynamoDB: one conditional `UpdateItem` per window and batch
 * that adds the counts and raises the window's position for the shard (`addAbovePosition`).
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
          key: { campaign_item_id: { N: String(window.campaignItemId) }, window_start: { S: window.windowStart } },
          incrementOf: (counted) => ({
            add: { ...countIncrements(counted.map((record) => record.value)) },
            set: windowAttributes(window, updatedAt),
          }),
        },
        records,
      ),
  };
}
