import type { JoinSettings } from './types.js';

/** The seed platform's session timeouts: 5 minutes each way. */
export const DEFAULT_JOIN_SETTINGS: JoinSettings = {
  bidsSessionTimeoutMs: 5 * 60_000,
  clicksSessionTimeoutMs: 5 * 60_000,
  stateRetentionMs: 24 * 3_600_000,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
/** `GET /orphans` covers the last day when `from` is not given. */
export const DEFAULT_ORPHAN_RANGE_MS = DAY_MS;
/** `GET /orphans` reads one index partition per UTC day and type, so its range is capped. */
export const MAX_ORPHAN_RANGE_DAYS = 31;
export const DEFAULT_ORPHAN_LIMIT = 100;
export const MAX_ORPHAN_LIMIT = 1000;
