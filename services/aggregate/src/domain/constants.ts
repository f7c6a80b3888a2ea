/** The only `EnrichedEvent.schema_version` this service understands. */
export const ENRICHED_SCHEMA_VERSION = 1;

/** Window groups counted at once; enough to hide DynamoDB latency, few enough to stay under its per-item limits. */
export const GROUP_CONCURRENCY = 8;

export const MINUTE_MS = 60_000;
