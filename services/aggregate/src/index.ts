/**
 * `@sdp/aggregate`: what other services may know of the aggregate service besides its outputs and
 * streams. Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

// The aggregations table's window items, as report reads them
export { campaignWindowItems } from './adapters/campaignWindowItem.js';
export type { CampaignWindowCounts } from './adapters/campaignWindowItem.js';

/** Public for the integration tests (test/aggregate.test.ts), which apply re-deliveries to the local tables directly. */
export { aggregateBatch } from './domain/aggregateBatch.js';
/** Public for the integration tests: the counter and join-state reader `aggregateBatch` runs with in the function. */
export { dynamoDbWindowCounter } from './adapters/windowCounter.js';
export { dynamoDbCanonicalCopies } from './adapters/canonicalCopies.js';
export type { EnrichedEvent } from './domain/types.js';
