/** Version of the `ClickstreamEnvelope` this service reads. */
export const CLICKSTREAM_SCHEMA_VERSION = 1;

/** Users' writes (archives, then the state) in flight at once. */
export const WRITE_CONCURRENCY = 16;

/** A user's state that meets a changed state this often in a row fails the user's records (re-delivered). */
export const MAX_CONFLICTS = 3;

/** Active sessions kept per user for late events; older ones are dropped and events before them are too late (ADR 17). */
export const MAX_RECENT_SESSIONS = 200;

/**
 * Event keys kept per user over its recent sessions (about 8 bytes each in the state item, which
 * DynamoDB caps at 400 KB); past that the oldest sessions close for late events, as past `MAX_RECENT_SESSIONS`.
 */
export const MAX_RECENT_EVENT_KEYS = 20_000;

export const DEFAULT_SESSIONS_LIMIT = 100;
export const MAX_SESSIONS_LIMIT = 1000;

/** The contract's `UserId` pattern. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;
