/** The only `EnrichedEvent.schema_version` this service understands. */
export const ENRICHED_SCHEMA_VERSION = 1;

/**
 * Width that Kinesis sequence numbers are zero-padded to before they are stored or compared, so that
 * comparing strings (all DynamoDB can do in a condition) is comparing numbers. The Kinesis API
 * documents a sequence number as `0|([1-9]\d{0,128})`, at most 129 digits.
 */
export const SEQUENCE_NUMBER_DIGITS = 129;

/** Window groups updated at once; enough to hide DynamoDB latency, few enough to stay under its per-item limits. */
export const GROUP_CONCURRENCY = 8;

/** Read-compare-write rounds of the slow path before a group counts as failed (and its records are re-delivered). */
export const SLOW_PATH_ATTEMPTS = 3;

export const MINUTE_MS = 60_000;
