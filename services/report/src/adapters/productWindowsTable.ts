import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { productWindowItems } from '@sdp/demand';
import type { ProductWindowCounts } from '../domain/types.js';
import { dynamoDbWindowsTable, type WindowsTable } from './windowsTable.js';

/** The demand service's table of per-product windows, as reports read it. */
export type ProductWindowsTable = WindowsTable<string, ProductWindowCounts>;

/**
 * The product windows table in DynamoDB: key `product_id` + `window_start`, GSI `ByDay`, read
 * through the item schema the demand service publishes (`productWindowItems`).
 *
 * @example
 * const table = dynamoDbProductWindowsTable(new DynamoDBClient({}), 'sdp-demand-dev-product-windows');
 * await table.windowsOf('sku-001', { from, to });
 */
export function dynamoDbProductWindowsTable(client: DynamoDBClient, tableName: string): ProductWindowsTable {
  return dynamoDbWindowsTable<string, ProductWindowCounts>(client, tableName, productWindowItems);
}
