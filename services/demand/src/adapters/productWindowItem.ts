import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { WindowItemSchema } from '@sdp/shared-streams';
import type { DemandIncrements } from '../domain/types.js';

/** One product's stored window and its counts, as readers of the product windows table get it. */
export interface ProductWindowCounts extends DemandIncrements {
  productId: string;
  windowStart: Date;
}

/** The counts of a product window item, written by `dynamoDbProductWindowCounter` (`demandIncrements`). */
const COUNTS = [
  'views',
  'carts',
  'cart_units',
  'checkouts',
  'purchases',
  'units_sold',
] as const satisfies readonly (keyof DemandIncrements)[];

/**
 * The product windows table's items (key `product_id` + `window_start`, index `ByDay`), written by
 * `dynamoDbProductWindowCounter` and read by report and pricing (`@sdp/demand`). `views` is a
 * DynamoDB reserved word: readers name the attributes through placeholders.
 *
 * @example
 * productWindowItems.windowOf({ product_id: { S: 'sku-001' }, window_start: { S: '2026-12-04T14:05:00.000Z' }, views: { N: '3' } })
 * // { productId: 'sku-001', windowStart: new Date('2026-12-04T14:05:00.000Z'), views: 3, carts: 0, cart_units: 0, … }
 */
export const productWindowItems: WindowItemSchema<string, ProductWindowCounts> = {
  keyAttribute: 'product_id',
  keyValue: (productId) => ({ S: productId }),
  itemKey: (productId, windowStart) => ({ product_id: { S: productId }, window_start: { S: windowStart } }),
  countAttributes: COUNTS,
  windowOf: (item: Record<string, AttributeValue>) => {
    const counts = Object.fromEntries(COUNTS.map((name) => [name, Number(item[name]?.N ?? 0)])) as DemandIncrements;
    return {
      productId: item.product_id?.S ?? '',
      windowStart: new Date(item.window_start?.S ?? Number.NaN),
      ...counts,
    };
  },
};
