import type { JoinSettings } from './types.js';

/** The seed platform's session timeouts: 5 minutes each way. */
export const DEFAULT_JOIN_SETTINGS: JoinSettings = {
  bidsSessionTimeoutMs: 5 * 60_000,
  clicksSessionTimeoutMs: 5 * 60_000,
  stateRetentionMs: 24 * 3_600_000,
};
