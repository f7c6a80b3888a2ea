/** Version of the `ClickstreamEnvelope` this service reads. */
export const CLICKSTREAM_SCHEMA_VERSION = 1;

/** Events of one user per step: with at most two session writes per event and the user's state, a step stays within DynamoDB's 100 items per transaction. */
export const EVENTS_PER_STEP = 32;

/** Items in one DynamoDB transaction. */
export const TRANSACTION_ITEMS = 100;

/** Transactions of a batch in flight at once. */
export const TRANSACTION_CONCURRENCY = 4;

/** A user's state that meets a changed state this often in a row fails the user's records (re-delivered). */
export const MAX_CONFLICTS = 3;

/** Active sessions kept per user for late events; older ones are dropped and events before them are too late (ADR 17). */
export const MAX_RECENT_SESSIONS = 200;

export const DEFAULT_SESSIONS_LIMIT = 100;
export const MAX_SESSIONS_LIMIT = 1000;

/** The contract's `UserId` pattern. */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;
