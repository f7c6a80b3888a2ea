import type { ApiScope } from './types.js';

/** The header every request carries its key in (API Gateway's name for it, lower-cased as HTTP APIs deliver headers). */
export const API_KEY_HEADER = 'x-api-key';

export const API_SCOPES: readonly ApiScope[] = ['ingest', 'report', 'query', 'predict', 'import', 'admin'];

/** Keys start with this, so they are recognisable in logs and by secret scanners. */
export const API_KEY_PREFIX = 'sdp';

/**
 * How long a function instance trusts what it read about a key. A revoked key stops working
 * within this time; every request would otherwise cost a table read.
 */
export const KEY_CACHE_TTL_MS = 60_000;

/** Most keys one instance remembers, known and unknown each, so a flood of made-up keys can neither grow memory nor push out the keys in use. */
export const KEY_CACHE_MAX_ENTRIES = 10_000;

export const DEFAULT_RATE_LIMIT_PER_SECOND = 1_000;
export const DEFAULT_BURST = 2_000;

/** The API keys table holds each key's shared rate bucket under this prefix, beside the key: `rate#<key id>`. */
export const RATE_ITEM_PREFIX = 'rate#';

/** An instance leases at most this many seconds' worth of a key's tokens at a time: one write per lease, not per request. */
export const LEASE_SECONDS = 0.1;

/** Leased tokens an instance has not used by then are dropped, so no instance sits on a stock it could spend in one go later. */
export const LEASE_LIFETIME_MS = 1_000;

/** How long an instance limits a key with its own bucket after the shared bucket could not be reached. */
export const SHARED_LIMIT_PAUSE_MS = 5_000;
