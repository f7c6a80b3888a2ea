/** Base class of every error the pricing service raises on purpose. */
export class PricingError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PricingError';
  }
}

/** The product's price kept changing under the pricing function; the features record is re-delivered. */
export class ConcurrentPriceChangeError extends PricingError {
  constructor(public readonly productId: string) {
    super(`The price of ${productId} changed while it was being repriced, twice in a row; the change will be retried.`);
    this.name = 'ConcurrentPriceChangeError';
  }
}
