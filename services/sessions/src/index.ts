/**
 * `@sdp/sessions`: what other services may know of the sessions service besides its outputs,
 * streams and API. Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

// The sessions table's user state items, as demand reads them (what sessions decided about each record)
export { USER_DECISION_ATTRIBUTES, userDecisionsOf, userStateKeyOf } from './adapters/userStateItem.js';
export type { UserDecisions } from './adapters/userStateItem.js';
export type { RateVerdict, SkippedRecord } from './domain/types.js';

/** Public for the sessions benchmark (bench/sessions.ts), which counts sessionized events over the whole table. */
export { fromStateImage, STATE_SESSION_NO } from './domain/userStateImage.js';
/** Public for the sessions benchmark: an archived session item (any item but a user's state) in plain values. */
export { storedSessionOf } from './domain/storedSessionOf.js';
