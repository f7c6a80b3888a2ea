import { GetItemCommand, paginateQuery, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { orderLinesByProduct, productKeyOf, storedProductOf } from '@sdp/catalog';
import { productWindowItems } from '@sdp/demand';
import { WINDOWS_BY_DAY_INDEX } from '@sdp/shared-streams';
import type { DemandSources, WindowCounts } from '../domain/types.js';

export interface DemandSourceTables {
  /** The demand service's product windows (`product_id`, `window_start`) */
  productWindows: string;
  /** The catalog's products */
  products: string;
  /** The catalog's order lines, with the `ByProduct` index (`product_id`, `ordered_at`) */
  orders: string;
}

/** What hydration reads of a product window; the other counts stay out. */
const WINDOW_COUNTS = ['views', 'carts', 'purchases'] as const;

/**
 * Where hydration reads on DynamoDB: a product's windows in a span, the catalog's product, and the
 * units of it the orders table holds since a date, each through the item schema its writer publishes
 * (`productWindowItems` in `@sdp/demand`; `storedProductOf`, `orderLinesByProduct` in `@sdp/catalog`).
 *
 * @example
 * const sources = dynamoDbDemandSources(client, { productWindows: 'sdp-demand-dev-product-windows', products: 'sdp-catalog-dev-products', orders: 'sdp-catalog-dev-orders' });
 * await sources.orderedUnits('sku-001', weekAgo) // 14
 */
export function dynamoDbDemandSources(client: DynamoDBClient, tables: DemandSourceTables): DemandSources {
  return {
    async windowsOf(productId, from, to) {
      const windows: WindowCounts[] = [];
      const { keyAttribute, keyValue, windowOf } = productWindowItems;
      const { start } = WINDOWS_BY_DAY_INDEX;
      // Through names: `views` is a DynamoDB reserved word.
      const names = Object.fromEntries([keyAttribute, start, ...WINDOW_COUNTS].map((name) => [`#${name}`, name]));
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.productWindows,
          KeyConditionExpression: `#${keyAttribute} = :product AND #${start} BETWEEN :from AND :last`,
          ProjectionExpression: Object.keys(names).join(', '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':product': keyValue(productId),
            ':from': { S: from.toISOString() },
            ':last': { S: new Date(to.getTime() - 1).toISOString() },
          },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const { windowStart, views, carts, purchases } = windowOf(item);
          windows.push({ start: windowStart.getTime(), views, carts, purchases });
        }
      }
      return windows;
    },
    async product(productId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tables.products, Key: productKeyOf(productId) }),
      );
      return Item ? storedProductOf(unmarshall(Item)).product : undefined;
    },
    async orderedUnits(productId, since) {
      let units = 0;
      const { indexName, productAttribute, orderedAtAttribute, unitsAttribute, unitsOf } = orderLinesByProduct;
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.orders,
          IndexName: indexName,
          KeyConditionExpression: `${productAttribute} = :product AND ${orderedAtAttribute} >= :since`,
          ProjectionExpression: unitsAttribute,
          ExpressionAttributeValues: { ':product': { S: productId }, ':since': { S: since.toISOString() } },
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) units += unitsOf(item);
      return units;
    },
  };
}
