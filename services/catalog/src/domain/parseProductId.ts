import { InvalidRequestError } from '@sdp/shared';

const PRODUCT_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The product id of a `GET /products/{product_id}` path, checked against the contract's `ProductId`.
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
