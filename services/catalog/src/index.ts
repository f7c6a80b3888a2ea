/**
 * `@sdp/catalog`: what other services may know of the catalog service besides its outputs and API.
 * Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

// The products and orders tables' items, as pricing reads them and changes prices
export { orderLinesByProduct, priceUpdateOf, productKeyOf, storedProductOf } from './adapters/catalogItems.js';
export type { PriceUpdate, StoredProduct } from './adapters/catalogItems.js';
export type { Order, Product } from './domain/types.js';

/** Public for the local demo (tools/local), benchmarks and tests: the seeded demo shop `npm run catalog -- seed` writes. */
export { demoCatalog, demoOrders, demoProductId } from './domain/demoCatalog.js';
/** Public for the local demo's seeding (tools/local), which writes the demo shop as `npm run catalog -- seed` does. */
export { dynamoDbOrdersTable, dynamoDbProductsTable } from './adapters/catalogTables.js';
