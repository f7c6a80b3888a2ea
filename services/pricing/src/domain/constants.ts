/** `ProductWindow` records carry no `schema_version`; one that does must say 1. */
export const PRODUCT_WINDOW_SCHEMA_VERSION = 1;

/** Products hydrated (or priced) at once within a batch. */
export const PRODUCT_CONCURRENCY = 4;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export const DEFAULT_HISTORY_LIMIT = 50;
export const MAX_HISTORY_LIMIT = 500;
