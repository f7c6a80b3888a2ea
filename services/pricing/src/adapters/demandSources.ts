import { GetItemCommand, paginateQuery, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DemandSources, WindowCounts } from '../domain/types.js';
import { toProduct } from './toProduct.js';

export interface DemandSourceTables {
  /** The demand service's product windows (`product_id`, `window_start`) */
  productWindows: string;
  /** The catalog's products */
  products: string;
  /** The catalog's order lines, with the `ByProduct` index (`product_id`, `ordered_at`) */
  orders: string;
}

/**
 * Where hydration reads on DynamoDB: a product's windows in a span, the catalog's product, and the
 * units of it the orders table holds since a date.
 *
 * @example
 * const sources = dynamoDbDemandSources(client, { productWindows: 'sdp-demand-dev-product-windows', products: 'sdp-catalog-dev-products', orders: 'sdp-catalog-dev-orders' });
 * await sources.orderedUnits('sku-001', weekAgo) // 14
 */
export function dynamoDbDemandSources(client: DynamoDBClient, tables: DemandSourceTables): DemandSources {
  return {
    async windowsOf(productId, from, to) {
      const windows: WindowCounts[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.productWindows,
          KeyConditionExpression: 'product_id = :product AND window_start BETWEEN :from AND :last',
          // `views` is a DynamoDB reserved word.
          ProjectionExpression: 'window_start, #views, carts, purchases',
          ExpressionAttributeNames: { '#views': 'views' },
          ExpressionAttributeValues: {
            ':product': { S: productId },
            ':from': { S: from.toISOString() },
            ':last': { S: new Date(to.getTime() - 1).toISOString() },
          },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const count = (name: string) => Number(item[name]?.N ?? 0);
          windows.push({
            start: Date.parse(item.window_start?.S ?? ''),
            views: count('views'),
            carts: count('carts'),
            purchases: count('purchases'),
          });
        }
      }
      return windows;
    },
    async product(productId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tables.products, Key: { product_id: { S: productId } } }),
      );
      return Item ? toProduct(unmarshall(Item)).product : undefined;
    },
    async orderedUnits(productId, since) {
      let units = 0;
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.orders,
          IndexName: 'ByProduct',
          KeyConditionExpression: 'product_id = :product AND ordered_at >= :since',
          ProjectionExpression: 'quantity',
          ExpressionAttributeValues: { ':product': { S: productId }, ':since': { S: since.toISOString() } },
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) units += Number(item.quantity?.N ?? 0);
      return units;
    },
  };
}
