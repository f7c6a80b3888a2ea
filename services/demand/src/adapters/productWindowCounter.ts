import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { transactWithClaims } from '@sdp/shared';
import type { ProductWindowCount, ProductWindowCounter } from '../domain/types.js';

export interface ProductWindowTables {
  /** One item per product window (`product_id`, `window_start`); the counts are numbers that `ADD` grows */
  productWindows: string;
  /** One item per counted event, key `event_key`, expired by TTL on `expires_at` */
  countedEvents: string;
}

/**
 * The `ProductWindowCounter` on DynamoDB: one `TransactWriteItems` per count that claims each event
 * key and adds the increments to the window (`transactWithClaims`), and 1 to its `version`.
 *
 * @example
 * const counter = dynamoDbProductWindowCounter(new DynamoDBClient({}), { productWindows: 'sdp-demand-dev-product-windows', countedEvents: 'sdp-demand-dev-counted-events' });
 * await counter.countOnce(count) // { alreadyCounted: [] }
 */
export function dynamoDbProductWindowCounter(client: DynamoDBClient, tables: ProductWindowTables): ProductWindowCounter {
  return {
    countOnce(count: ProductWindowCount) {
      const { increments } = count;
      const names = Object.keys(increments) as (keyof typeof increments)[];
      const addToWindow = {
        Update: {
          TableName: tables.productWindows,
          Key: { product_id: { S: count.productId }, window_start: { S: count.windowStart } },
          // Through names: `views` is a DynamoDB reserved word. Each change adds 1 to `version`.
          UpdateExpression: `ADD ${[...names, 'version'].map((name) => `#${name} :${name}`).join(', ')} SET window_end = :end, window_day = :day, period_minutes = :period, updated_at = :at`,
          ExpressionAttributeNames: Object.fromEntries([...names, 'version'].map((name) => [`#${name}`, name])),
          ExpressionAttributeValues: {
            ...Object.fromEntries(names.map((name) => [`:${name}`, { N: String(increments[name]) }])),
            ':version': { N: '1' },
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
