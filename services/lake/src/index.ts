/**
 * `@sdp/lake`: what other services may know of the lake service besides its outputs and API.
 * Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

/** Public for the lake benchmark (bench/lake.ts), which lands, compacts and queries a lake as the lake's functions do. */
export { landBatch } from './domain/landBatch.js';
export { compactPartition } from './domain/compactPartition.js';
export { decodeParquet, encodeParquet } from './adapters/parquetCodec.js';
export { parseQueryRequest } from './domain/parseQueryRequest.js';
export { SAVED_QUERIES } from './domain/savedQueries.js';
export type { SourceRecord } from './domain/types.js';
