import type { JoinSettings } from './types.js';

/**
 * The shortest join state retention: a copy of an emitted event can reach aggregate up to 23 h (the
 * raw stream record's age) + 23 h (the enriched one's) after the event, and aggregate reads the
 * state's `emitted` to tell whether it is the counted copy (docs/adr/0006-join-on-ingest-time.md).
 */
export const MIN_STATE_RETENTION_MINUTES = 48 * 60;

/** The seed platform's session timeouts: 5 minutes each way; join states kept the shortest allowed. */
export const DEFAULT_JOIN_SETTINGS: JoinSettings = {
  bidsSessionTimeoutMs: 5 * 60_000,
  clicksSessionTimeoutMs: 5 * 60_000,
  stateRetentionMs: MIN_STATE_RETENTION_MINUTES * 60_000,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
/** `GET /orphans` covers the last day when `from` is not given. */
export const DEFAULT_ORPHAN_RANGE_MS = DAY_MS;
/** `GET /orphans` reads one index partition per UTC day and type, so its range is capped. */
export const MAX_ORPHAN_RANGE_DAYS = 31;
export const DEFAULT_ORPHAN_LIMIT = 100;
export const MAX_ORPHAN_LIMIT = 1000;
