import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Product } from '../domain/types.js';

/**
 * The catalog's tables as other services use them, published by the catalog (`@sdp/catalog`). A
 * products item is the contract's `Product` (keyed `product_id`) plus `priced_features_version`,
 * which dynamic pricing keeps beside the price; an orders item is one order line (`order_id`,
 * `product_id`) with its order's `user_id` and `ordered_at`.
 */

/**
 * The key of a product's item.
 *
 * @example
 * productKeyOf('sku-001') // { product_id: { S: 'sku-001' } }
 */
export function productKeyOf(productId: string): Record<string, AttributeValue> {
  return { product_id: { S: productId } };
}

/** A products item (in plain values, `unmarshall`ed): the product, and the features version its price last answered. */
export interface StoredProduct {
  product: Product;
  /** 0 before any dynamic price change */
  pricedFeaturesVersion: number;
}

/**
 * A products item in plain values split into the contract's `Product` and the pricing bookkeeping it
 * also carries.
 *
 * @example
 * storedProductOf({ product_id: 'sku-001', price_cents: 12999, priced_features_version: 7, … })
 * // { product: { product_id: 'sku-001', price_cents: 12999, … }, pricedFeaturesVersion: 7 }
 */
export function storedProductOf(item: Record<string, unknown>): StoredProduct {
  const { priced_features_version, ...product } = item;
  return { product: product as Product, pricedFeaturesVersion: Number(priced_features_version ?? 0) };
}

/** A price change dynamic pricing makes to a product it read. */
export interface PriceUpdate {
  productId: string;
  priceCents: number;
  /** ISO 8601: the product's `price_updated_at` and `updated_at` */
  changedAt: string;
  /** The demand features version the price answers */
  featuresVersion: number;
  /** The product's `price_version` when it was read; undefined when it had none */
  readPriceVersion: number | undefined;
}

/**
 * The `UpdateItem` (less `TableName`) that sets a product's price: `price_cents`,
 * `price_updated_at`, `updated_at`, `priced_features_version`, and 1 more `price_version`, on
 * condition that the price did not change since it was read and that no change answered this or a
 * later features version.
 *
 * @example
 * priceUpdateOf({ productId: 'sku-001', priceCents: 12499, changedAt: now, featuresVersion: 8, readPriceVersion: 3 })
 * // { Key: { product_id: { S: 'sku-001' } }, UpdateExpression: 'SET price_cents = :price, …', ConditionExpression: 'price_version = :expected AND …', … }
 */
export function priceUpdateOf(update: PriceUpdate): {
  Key: Record<string, AttributeValue>;
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeValues: Record<string, AttributeValue>;
} {
  const unchanged =
    update.readPriceVersion === undefined ? 'attribute_not_exists(price_version)' : 'price_version = :expected';
  return {
    Key: productKeyOf(update.productId),
    UpdateExpression:
      'SET price_cents = :price, price_updated_at = :at, updated_at = :at, priced_features_version = :features ADD price_version :one',
    ConditionExpression: `${unchanged} AND (attribute_not_exists(priced_features_version) OR priced_features_version < :features)`,
    ExpressionAttributeValues: {
      ':price': { N: String(update.priceCents) },
      ':at': { S: update.changedAt },
      ':features': { N: String(update.featuresVersion) },
      ':one': { N: '1' },
      ...(update.readPriceVersion === undefined ? {} : { ':expected': { N: String(update.readPriceVersion) } }),
    },
  };
}

/**
 * The orders table's lines by product: index `ByProduct` (`product_id`, `ordered_at` ISO 8601), and
 * the units a line holds.
 *
 * @example
 * orderLinesByProduct.unitsOf({ quantity: { N: '2' } }) // 2
 */
export const orderLinesByProduct = {
  indexName: 'ByProduct',
  productAttribute: 'product_id',
  orderedAtAttribute: 'ordered_at',
  unitsAttribute: 'quantity',
  unitsOf: (item: Record<string, AttributeValue>): number => Number(item.quantity?.N ?? 0),
} as const;
