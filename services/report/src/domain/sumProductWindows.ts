import type { ProductActivity, ProductWindowCounts } from './types.js';

/**
 * A product's totals over its windows, with its conversion rates; no windows give zeros.
 *
 * @example
 * sumProductWindows('sku-001', [{ views: 8, carts: 2, cart_units: 3, purchases: 1, units_sold: 1, … }])
 * // { product_id: 'sku-001', views: 8, carts: 2, cart_units: 3, checkouts: 0, purchases: 1, units_sold: 1, view_to_cart: 0.25, view_to_purchase: 0.125 }
 */
export function sumProductWindows(
  productId: string,
  windows: readonly Omit<ProductWindowCounts, 'productId' | 'windowStart'>[],
): ProductActivity {
  const totals = { views: 0, carts: 0, cart_units: 0, checkouts: 0, purchases: 0, units_sold: 0 };
  for (const window of windows) {
    for (const name of Object.keys(totals) as (keyof typeof totals)[]) totals[name] += window[name];
  }
  return {
    product_id: productId,
    ...totals,
    view_to_cart: totals.views === 0 ? 0 : totals.carts / totals.views,
    view_to_purchase: totals.views === 0 ? 0 : totals.purchases / totals.views,
  };
}
