import type { Product } from '../domain/types.js';

/**
 * A products table item split into the contract's `Product` and the pricing bookkeeping it also
 * carries: the features version the current price answered (0 before any dynamic change).
 *
 * @example
 * toProduct({ product_id: 'sku-001', price_cents: 12999, priced_features_version: 7, … }) // { product: { product_id: 'sku-001', … }, pricedFeaturesVersion: 7 }
 */
export function toProduct(item: Record<string, unknown>): { product: Product; pricedFeaturesVersion: number } {
  const { priced_features_version, ...product } = item;
  return { product: product as Product, pricedFeaturesVersion: Number(priced_features_version ?? 0) };
}
