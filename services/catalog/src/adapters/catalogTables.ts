import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mapWithConcurrency } from '@sdp/shared';
import type { Order, OrdersTable, Product, ProductsTable } from '../domain/types.js';

const WRITE_CONCURRENCY = 8;

/** Puts each item unless its key exists; resolves with how many were new. */
async function createMissing(client: DynamoDBClient, tableName: string, keyName: string, items: readonly object[]): Promise<number> {
  const created = await mapWithConcurrency(items, WRITE_CONCURRENCY, async (item) => {
    try {
      await client.send(new PutItemCommand({ TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }), ConditionExpression: `attribute_not_exists(${keyName})` }));
      return 1;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 0;
      throw error;
    }
  });
  return created.reduce((sum: number, n) => sum + n, 0);
}

/**
 * The catalog's products on DynamoDB, one item per `product_id` in the contract's `Product` shape.
 *
 * @example
 * const products = dynamoDbProductsTable(new DynamoDBClient({}), 'sdp-catalog-dev-products');
 * await products.get('sku-001') // { product_id: 'sku-001', name: 'Stride Tempo black', ... } or undefined
 */
export function dynamoDbProductsTable(client: DynamoDBClient, tableName: string): ProductsTable {
  return {
    async get(productId) {
      const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: { product_id: { S: productId } } }));
      return Item ? (unmarshall(Item) as Product) : undefined;
    },
    createMissing: (products) => createMissing(client, tableName, 'product_id', products),
  };
}

/** The shop's orders on DynamoDB, one item per `order_id` in the contract's `Order` shape. */
export function dynamoDbOrdersTable(client: DynamoDBClient, tableName: string): OrdersTable {
  return { createMissing: (orders: readonly Order[]) => createMissing(client, tableName, 'order_id', orders) };
}
