/** A replay that has been `replaying` this long is taken to have died, and may be started again. */
export const STALE_REPLAY_MS = 60_000;

export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1_000;

/**
 * How long after a user's tombstone their data starts being removed: the longest a consumer's batch
 * that read the tombstones just before it was written may still write (the lake writers' timeout,
 * 60 s, is the longest of the consumers that screen erased users).
 */
export const DEFAULT_ERASURE_SETTLE_SECONDS = 60;
