import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbApiKeysTable } from './apiKeysTable.js';
import { authorizeApiKey } from './authorizeApiKey.js';
import { API_KEY_HEADER, KEY_CACHE_MAX_ENTRIES, KEY_CACHE_TTL_MS } from './constants.js';
import { AuthUnavailableError, RateLimitedError } from './errors.js';
import { LruCache } from './LruCache.js';
import { dynamoDbRateLeases, type RateLeases } from './rateLeases.js';
import { SharedRateLimiter } from './SharedRateLimiter.js';
import type { ApiKeyRecord, ApiScope } from './types.js';

export interface RequireApiKeyOptions {
  scope: ApiScope;
  /** Where keys are read from; default the table named by `API_KEYS_TABLE_NAME` */
  lookup?: (keyId: string) => Promise<ApiKeyRecord | undefined>;
  /** Where every instance takes a key's tokens from; default the `rate#` items of the same table */
  leases?: RateLeases;
  now?: () => number;
  cacheTtlMs?: number;
}

/**
 * Middy middleware that lets a request through only with an active key of the needed scope in
 * the `x-api-key` header, within the key's rate limit; otherwise the request ends with
 * 401/403/429 before the handler runs, so nothing is written. Register it after `httpErrorHandler`.
 * The tenant lands in `event.requestContext.authorizer.lambda` as a Lambda authorizer would put it.
 *
 * What an instance read about a key is trusted for `cacheTtlMs` (default 60 s). The rate limit
 * holds across instances: they lease the key's tokens from one shared bucket (`SharedRateLimiter`,
 * docs/adr/0013-api-keys.md).
 *
 * @example
 * middy(handler).use(httpErrorHandler({ logger })).use(requireApiKey({ scope: 'ingest' }))
 */
export function requireApiKey(
  options: RequireApiKeyOptions,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  const { scope, now = Date.now, cacheTtlMs = KEY_CACHE_TTL_MS } = options;
  let lookup = options.lookup;
  // Known and unknown ids are kept apart, each least recently used first out: a flood of made-up
  // ids evicts only other made-up ids, never the keys in use.
  const known = new LruCache<string, { record: ApiKeyRecord; readAt: number }>(KEY_CACHE_MAX_ENTRIES);
  const unknown = new LruCache<string, { readAt: number }>(KEY_CACHE_MAX_ENTRIES);
  let limiter: SharedRateLimiter | undefined;

  const cachedLookup = async (keyId: string): Promise<ApiKeyRecord | undefined> => {
    const knownEntry = known.get(keyId);
    if (knownEntry && now() - knownEntry.readAt < cacheTtlMs) return knownEntry.record;
    const unknownEntry = knownEntry ? undefined : unknown.get(keyId);
    if (unknownEntry && now() - unknownEntry.readAt < cacheTtlMs) return undefined;
    lookup ??= defaultLookup();
    // The keys table being unreachable is a pause, not the caller's fault: 503 with Retry-After.
    const record = await lookup(keyId).catch((error: unknown) => {
      throw new AuthUnavailableError(error);
    });
    if (record) {
      unknown.delete(keyId);
      known.set(keyId, { record, readAt: now() });
    } else {
      known.delete(keyId);
      unknown.set(keyId, { readAt: now() });
    }
    return record;
  };

  return {
    before: async (request) => {
      const at = now();
      const record = await authorizeApiKey(request.event.headers?.[API_KEY_HEADER], cachedLookup, scope, new Date(at));
      limiter ??= new SharedRateLimiter(options.leases ?? defaultLeases(), now, warnLimiterUnavailable);
      const retryAfter = await limiter.take(record.key_id, {
        ratePerSecond: record.rate_limit_per_second,
        burst: record.burst,
      });
      if (retryAfter > 0) throw new RateLimitedError(record.key_id, retryAfter);
      const context = request.event.requestContext as { authorizer?: unknown };
      context.authorizer = { lambda: { tenant: record.tenant, key_id: record.key_id } };
    },
  };
}

let client: DynamoDBClient | undefined;

function defaultLookup(): (keyId: string) => Promise<ApiKeyRecord | undefined> {
  return dynamoDbApiKeysTable((client ??= new DynamoDBClient({})), requiredEnv('API_KEYS_TABLE_NAME')).get;
}

function defaultLeases(): RateLeases {
  return dynamoDbRateLeases((client ??= new DynamoDBClient({})), requiredEnv('API_KEYS_TABLE_NAME'));
}

/** The shared limit being out of reach is worth a line in the log, not a refusal: the instance limits the key on its own meanwhile. */
function warnLimiterUnavailable(error: unknown): void {
  console.warn(
    JSON.stringify({
      level: 'WARN',
      message: 'shared rate limit unavailable; limiting per instance for a few seconds',
      error: String(error),
    }),
  );
}
