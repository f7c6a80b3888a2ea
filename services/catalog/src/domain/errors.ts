import { ApiError } from '@sdp/shared-http';

/** `GET /products/{product_id}` for a product the catalog does not have. */
export class ProductNotFoundError extends ApiError {
  constructor(productId: string) {
    super(
      404,
      'not_found',
      `There is no product '${productId}' in the catalog; npm run catalog -- seed writes the demo catalog.`,
    );
    this.name = 'ProductNotFoundError';
  }
}
