import { isWithin } from './isWithin.js';
import { sumProductWindows } from './sumProductWindows.js';
import type { ProductList, ProductListRequest, ProductWindowCounts } from './types.js';

/**
 * The `ProductList` body for a request and every product's windows: only windows starting within
 * [`from`, `to`) count, so a product appears only if one of its windows starts in the range. Products
 * are ranked by one total (largest first when `desc`), ties broken by product id ascending either
 * way, and cut to the first `limit`.
 *
 * @example
 * buildProductList({ from, to, sort: 'purchases', desc: true, limit: 10 }, windows)
 * // { from: '…', to: '…', sort: 'purchases', desc: true, products: [{ product_id: 'sku-001', purchases: 31, … }, …] }
 */
export function buildProductList(request: ProductListRequest, windows: readonly ProductWindowCounts[]): ProductList {
  const { from, to, sort, desc, limit } = request;
  const windowsByProduct = new Map<string, ProductWindowCounts[]>();
  for (const window of windows) {
    if (!isWithin(window.windowStart, request)) continue;
    const product = windowsByProduct.get(window.productId);
    if (product) product.push(window);
    else windowsByProduct.set(window.productId, [window]);
  }
  const direction = desc ? -1 : 1;
  const products = [...windowsByProduct]
    .map(([productId, productWindows]) => sumProductWindows(productId, productWindows))
    .sort(
      (a, b) =>
        direction * (a[sort] - b[sort]) || (a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : 0),
    )
    .slice(0, limit);
  return { from: from.toISOString(), to: to.toISOString(), sort, desc, products };
}
