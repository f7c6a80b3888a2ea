/**
 * `@sdp/ingest`: what other services may know of the ingest service besides its outputs, streams
 * and API. Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

/** Public for the benchmarks (bench/lib/eventFixtures.ts), which check and stamp their events as `POST /bid` does. */
export { stampEvent } from './domain/stampEvent.js';
export { validateEvent } from './domain/validateEvent.js';
export type { AdEvent, EventType } from './domain/types.js';
