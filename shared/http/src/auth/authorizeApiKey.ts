import { parseApiKey, secretMatches } from './apiKeyText.js';
import {
  ApiKeyExpiredError,
  ApiKeyRevokedError,
  InsufficientScopeError,
  InvalidApiKeyError,
  MissingApiKeyError,
} from './errors.js';
import type { ApiKeyRecord, ApiScope } from './types.js';

/**
 * Checks a presented key against what is stored for its id, for a call that needs `scope`, and
 * returns the stored record; throws the error that tells the caller what is wrong. The `admin`
 * scope allows every call.
 *
 * @example
 * const record = await authorizeApiKey(event.headers['x-api-key'], (id) => keys.get(id), 'ingest', new Date());
 * record.tenant // 'acme'
 */
export async function authorizeApiKey(
  presented: string | undefined,
  lookup: (keyId: string) => Promise<ApiKeyRecord | undefined>,
  scope: ApiScope,
  now: Date,
): Promise<ApiKeyRecord> {
  const text = presented?.trim();
  if (!text) throw new MissingApiKeyError();
  const key = parseApiKey(text);
  if (!key) throw new InvalidApiKeyError();
  const record = await lookup(key.keyId);
  if (!record || !secretMatches(key.secret, record.secret_hash)) throw new InvalidApiKeyError();
  if (record.status === 'revoked') throw new ApiKeyRevokedError(record.key_id);
  if (record.expires_at !== undefined && Date.parse(record.expires_at) <= now.getTime()) {
    throw new ApiKeyExpiredError(record.key_id, record.expires_at, record.replaced_by);
  }
  if (!record.scopes.includes(scope) && !record.scopes.includes('admin'))
    throw new InsufficientScopeError(record.key_id, scope, record.scopes);
  return record;
}
