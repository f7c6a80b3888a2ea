/** Version of the `ClickstreamEnvelope` this service reads. */
export const CLICKSTREAM_SCHEMA_VERSION = 1;

/** Events claimed per transaction: with at most two session writes per event and the counter, a step stays within DynamoDB's 100 items. */
export const EVENTS_PER_TRANSACTION = 32;

/** Users sessionized at once within a batch. */
export const USER_CONCURRENCY = 8;

/** Digits of a millisecond timestamp in an event key, so keys sort in time order (up to year 2286). */
export const TIMESTAMP_DIGITS = 13;

export const DEFAULT_SESSIONS_LIMIT = 100;
export const MAX_SESSIONS_LIMIT = 1000;

/** The contract's `UserId` pattern. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;
