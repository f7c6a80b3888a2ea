import { InvalidRequestError } from './errors.js';

const PRODUCT_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The `product_id` of a path (`/products/{product_id}`, `/reports/products/{product_id}`), checked against the contract's `ProductId`.
 *
 * @example
 * parseProductId('sku-001') // 'sku-001'
 * parseProductId('a b')     // throws InvalidRequestError
 */
export function parseProductId(value: string | undefined): string {
  const productId = value === undefined ? '' : safeDecode(value);
  if (PRODUCT_ID.test(productId)) return productId;
  throw new InvalidRequestError(`product_id must be 1 to 64 letters, digits or ._-; got '${productId.slice(0, 100)}'.`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
