import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { demoCatalog, demoOrders, dynamoDbOrdersTable, dynamoDbProductsTable } from '@sdp/catalog';

/** How many products the demo catalog has; the demo shop browses the same `sku-001` … ids. */
export const DEMO_PRODUCTS = 40;

/**
 * Writes the demo catalog and orders into the local cloud's catalog tables, as `npm run catalog --
 * seed` does, keeping products that exist (their prices may have moved). Resolves with how many
 * products and orders were new.
 *
 * @example
 * await seedDemoCatalog(localDynamoDbClient(cloud.dynamoDbEndpoint)) // { products: 40, orders: 200 } on a fresh cloud
 */
export async function seedDemoCatalog(client: DynamoDBClient): Promise<{ products: number; orders: number }> {
  const now = new Date();
  const catalog = demoCatalog({ count: DEMO_PRODUCTS, seed: 1, now });
  const products = await dynamoDbProductsTable(client, 'sdp-catalog-local-products').createMissing(catalog);
  const orders = await dynamoDbOrdersTable(client, 'sdp-catalog-local-orders').createMissing(
    demoOrders(catalog, { count: 200, seed: 2, now }),
  );
  return { products, orders };
}
