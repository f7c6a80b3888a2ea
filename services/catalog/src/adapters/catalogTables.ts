import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mapWithConcurrency } from '@sdp/shared-runtime';
import type { Order, OrdersTable, ProductsTable } from '../domain/types.js';
import { productKeyOf, storedProductOf } from './catalogItems.js';

const WRITE_CONCURRENCY = 8;

/** Puts the item unless its key exists; resolves with whether it was new. */
async function putIfNew(client: DynamoDBClient, tableName: string, keyName: string, item: object): Promise<boolean> {
  try {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall(item, { removeUndefinedValues: true }),
        ConditionExpression: `attribute_not_exists(${keyName})`,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

const countTrue = (flags: readonly boolean[]) => flags.filter(Boolean).length;

/**
 * The catalog's products on DynamoDB, one item per `product_id` in the contract's `Product` shape
 * (`catalogItems.ts`: the layout dynamic pricing reads and changes prices in).
 *
 * @example
 * const products = dynamoDbProductsTable(new DynamoDBClient({}), 'sdp-catalog-dev-products');
 * await products.get('sku-001') // { product_id: 'sku-001', name: 'Stride Tempo black', ... } or undefined
 */
export function dynamoDbProductsTable(client: DynamoDBClient, tableName: string): ProductsTable {
  return {
    async get(productId) {
      const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: productKeyOf(productId) }));
      // What dynamic pricing keeps beside the price (the features version it answered) is not the product's.
      return Item ? storedProductOf(unmarshall(Item)).product : undefined;
    },
    createMissing: async (products) =>
      countTrue(
        await mapWithConcurrency(products, WRITE_CONCURRENCY, (product) =>
          putIfNew(client, tableName, 'product_id', product),
        ),
      ),
  };
}

/**
 * The shop's orders on DynamoDB, one item per order line (`order_id`, `product_id`) carrying the
 * order's `user_id` and `ordered_at`, so the `ByUser` and `ByProduct` indexes find an order's lines
 * by who bought and by what was bought. An order is new when any of its lines was.
 */
export function dynamoDbOrdersTable(client: DynamoDBClient, tableName: string): OrdersTable {
  return {
    createMissing: async (orders: readonly Order[]) =>
      countTrue(
        await mapWithConcurrency(orders, WRITE_CONCURRENCY, async ({ items, ...order }) => {
          const lines = await Promise.all(
            items.map((line) => putIfNew(client, tableName, 'order_id', { ...order, ...line })),
          );
          return lines.some(Boolean);
        }),
      ),
  };
}
