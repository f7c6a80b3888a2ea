/** A failed record's data is kept up to this many characters (DynamoDB items hold at most 400 KB). */
export const DATA_LIMIT_CHARS = 300_000;

/** Error messages are kept up to this many characters. */
export const ERROR_LIMIT_CHARS = 2_000;

/** How long a `retrying` item stays after its last failure (it was processed in the end, or it became `failed`). */
export const RETRYING_RETENTION_SECONDS = 7 * 24 * 3600;

/** Replays mark their records' shard with this suffix, so consumers keep them apart from the stream's own records. */
export const REPLAY_SHARD_SUFFIX = '-replay';

/** Attempts before a record that keeps failing is set aside, unless the function says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * How long after it entered its stream a record may wait for another service's decision without
 * its re-deliveries counting as attempts: long enough for an outage of that service to pass, short
 * enough that a decision that never comes (its upstream record was set aside) ends in the store.
 */
export const DEFER_GRACE_MS = 10 * 60_000;

/**
 * Backoff before a batch whose dependency failed is handed back for re-delivery: doubling from the
 * base with each consecutive dependency failure of the shard, full jitter, at most the ceiling (a
 * consumer's timeout is 10 s; Lambda re-delivers at once after the answer).
 */
export const DEPENDENCY_BACKOFF_BASE_MS = 100;
export const DEPENDENCY_BACKOFF_MAX_MS = 2_000;
