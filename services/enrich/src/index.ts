/**
 * `@sdp/enrich`: what other services may know of the enrich service besides its outputs and
 * streams. Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

// The join-state table's items, as aggregate reads them (which copy of each event counts)
export { emittedCopiesOf, JOIN_STATE_ATTRIBUTES, joinStateKeyOf } from './adapters/joinStateItem.js';
export { transactionKeyOf } from './domain/transactionKeyOf.js';
export type { EmittedCopies } from './domain/types.js';
