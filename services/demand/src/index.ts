/**
 * `@sdp/demand`: what other services may know of the demand service besides its outputs and
 * streams. Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

// The product windows table's items, as report and pricing read them
export { productWindowItems } from './adapters/productWindowItem.js';
export type { ProductWindowCounts } from './adapters/productWindowItem.js';
