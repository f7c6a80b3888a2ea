import type { ProductWindow } from './types.js';

/**
 * A stored product window item (unmarshalled) as the `ProductWindow` contract shape; counts the item
 * does not hold yet are zero. What it returns is checked against the contract by the caller.
 *
 * @example
 * toProductWindow({ product_id: 'sku-001', window_start: '2026-12-04T14:05:00.000Z', views: 3, … })
 * // { product_id: 'sku-001', window_start: '2026-12-04T14:05:00.000Z', views: 3, carts: 0, … }
 */
export function toProductWindow(item: Record<string, unknown>): ProductWindow {
  const count = (name: string) => (item[name] === undefined ? 0 : Number(item[name]));
  return {
    product_id: item.product_id as string,
    window_start: item.window_start as string,
    window_end: item.window_end as string,
    views: count('views'),
    carts: count('carts'),
    cart_units: count('cart_units'),
    checkouts: count('checkouts'),
    purchases: count('purchases'),
    units_sold: count('units_sold'),
    version: count('version'),
    updated_at: item.updated_at as string,
  };
}
