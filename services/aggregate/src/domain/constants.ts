/** The only `EnrichedEvent.schema_version` this service understands. */
export const ENRICHED_SCHEMA_VERSION = 1;

/**
 * Events counted per transaction: DynamoDB allows 100 operations in one `TransactWriteItems`, one
 * claim per event plus the window's update.
 */
export const EVENTS_PER_TRANSACTION = 99;

/** Window groups counted at once; enough to hide DynamoDB latency, few enough to stay under its per-item limits. */
export const GROUP_CONCURRENCY = 8;

export const MINUTE_MS = 60_000;
