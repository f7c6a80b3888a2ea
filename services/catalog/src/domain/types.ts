import type { components } from '@sdp/shared-contract';

export type Product = components['schemas']['Product'];
export type Order = components['schemas']['Order'];

/** Where products live (DynamoDB; in memory in unit tests). */
export interface ProductsTable {
  get(productId: string): Promise<Product | undefined>;
  /** Stores the products that do not exist yet, never overwriting one; resolves with how many were new. */
  createMissing(products: readonly Product[]): Promise<number>;
}

/** Where orders live. */
export interface OrdersTable {
  /** Stores the orders that do not exist yet; resolves with how many were new. */
  createMissing(orders: readonly Order[]): Promise<number>;
}
