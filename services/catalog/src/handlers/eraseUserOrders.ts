import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { userItemsEraser } from '@sdp/shared-streams';

/**
 * Invoked by the erasure (docs/adr/0022-erasure.md): removes each user's order lines, found by the
 * `ByUser` index. The index is eventually consistent, but orders are written by the catalog's seed
 * and imports, never by a consumer racing the erasure, and a second erasure removes any line left.
 */
export const handler = userItemsEraser({
  client: new DynamoDBClient({}),
  tableName: requiredEnv('ORDERS_TABLE_NAME'),
  indexName: 'ByUser',
  keyNames: ['order_id', 'product_id'],
  counted: 'order_lines',
});
