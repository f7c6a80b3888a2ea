import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ProductWindowCounts } from '../domain/types.js';
import { dynamoDbWindowsTable, type WindowsTable } from './windowsTable.js';

/** The demand service's table of per-product windows, as reports read it. */
export type ProductWindowsTable = WindowsTable<string, ProductWindowCounts>;

const COUNTS = ['views', 'carts', 'cart_units', 'checkouts', 'purchases', 'units_sold'] as const;

/**
 * The product windows table in DynamoDB: key `product_id` + `window_start`, GSI `ByDay`
 * (`dynamoDbWindowsTable`).
 *
 * @example
 * const table = dynamoDbProductWindowsTable(new DynamoDBClient({}), 'sdp-demand-dev-product-windows');
 * await table.windowsOf('sku-001', { from, to });
 */
export function dynamoDbProductWindowsTable(client: DynamoDBClient, tableName: string): ProductWindowsTable {
  return dynamoDbWindowsTable(client, {
    tableName,
    keyValue: (productId: string) => ({ S: productId }),
    attributes: ['product_id', 'window_start', ...COUNTS],
    toWindow: toProductWindowCounts,
  });
}

function toProductWindowCounts(item: Record<string, AttributeValue>): ProductWindowCounts {
  const counts = Object.fromEntries(COUNTS.map((name) => [name, Number(item[name]?.N ?? 0)])) as Record<
    (typeof COUNTS)[number],
    number
  >;
  return { productId: item.product_id?.S ?? '', windowStart: new Date(item.window_start?.S ?? Number.NaN), ...counts };
}
