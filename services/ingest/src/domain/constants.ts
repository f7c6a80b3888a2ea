/** Version of the `EventEnvelope` written to the raw events stream. */
export const SCHEMA_VERSION = 1;

/**
 * A single event's body may be up to 1,000,000 bytes: with its envelope and partition key it still
 * fits one Kinesis record (1 MiB).
 */
export const MAX_EVENT_BYTES = 1_000_000;

/** A batch body may be up to 5 MiB, the most one PutRecords call takes; each of its events is held to MAX_EVENT_BYTES. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

export const MAX_BATCH_EVENTS = 500;

/** What ingest asks a client to wait when the stream refused a write. */
export const RETRY_AFTER_SECONDS = 1;

/** Kinesis holds at most 1 MiB (data plus partition key) in one record. */
export const KINESIS_MAX_RECORD_BYTES = 1024 * 1024;

/** How far ahead of ingest's clock an imported event's time may be (clients' clocks drift). */
export const IMPORT_MAX_AHEAD_MS = 5 * 60_000;

/** The contract's bound on `user_agent`; a longer `User-Agent` header is cut to it when stamped. */
export const MAX_USER_AGENT_CHARS = 512;
