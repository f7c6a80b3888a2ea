import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { addAbovePosition, windowAttributes } from '@sdp/shared-streams';
import { demandIncrements } from '../domain/demandIncrements.js';
import type { ProductWindowCounter } from '../domain/types.js';
import { productWindowItems } from './productWindowItem.js';

/**
 * The `ProductWindowCounter` on DynamoDB: one conditional `UpdateItem` per product window and
 * batch that adds the increments and 1 to the window's `version`, and raises the window's position
 * for the shard (`addAbovePosition`), in the item layout it publishes for readers
 * (`productWindowItems`). A product window is written from every clickstream shard, so it keeps one
 * position per shard.
 *
 * @example
 * const counter = dynamoDbProductWindowCounter(new DynamoDBClient({}), 'sdp-demand-dev-product-windows');
 * await counter.count(window, records, new Date().toISOString()) // { counted: 12, duplicates: 0 }
 */
export function dynamoDbProductWindowCounter(client: DynamoDBClient, tableName: string): ProductWindowCounter {
  return {
    count: (window, records, updatedAt) =>
      addAbovePosition(
        client,
        {
          tableName,
          key: productWindowItems.itemKey(window.productId, window.windowStart),
          incrementOf: (counted) => ({
            // Each change adds 1 to `version`: consumers keep a window's highest version.
            add: { ...demandIncrements(counted.map((record) => record.value)), version: 1 },
            set: windowAttributes(window, updatedAt),
          }),
        },
        records,
      ),
  };
}
