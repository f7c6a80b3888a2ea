/** A replay that has been `replaying` this long is taken to have died, and may be started again. */
export const STALE_REPLAY_MS = 60_000;

export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1_000;
