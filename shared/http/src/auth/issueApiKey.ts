import { hashSecret, newApiKey, type ApiKeyText } from './apiKeyText.js';
import { DEFAULT_BURST, DEFAULT_RATE_LIMIT_PER_SECOND } from './constants.js';
import type { ApiKeyRecord, ApiScope } from './types.js';

export interface ApiKeyRequest {
  tenant: string;
  scopes: ApiScope[];
  ratePerSecond?: number;
  burst?: number;
  description?: string;
}

/**
 * A new key for a tenant: the text to hand over once, and the record to store (which holds only
 * the secret's hash).
 *
 * @example
 * const { key, record } = issueApiKey({ tenant: 'acme', scopes: ['ingest'] }, new Date());
 * await keys.create(record); console.log(key.text);
 */
export function issueApiKey(
  request: ApiKeyRequest,
  now: Date,
  random?: (bytes: number) => Buffer,
): { key: ApiKeyText; record: ApiKeyRecord } {
  const key = newApiKey(random);
  const record: ApiKeyRecord = {
    key_id: key.keyId,
    tenant: request.tenant,
    scopes: [...new Set(request.scopes)].sort(),
    secret_hash: hashSecret(key.secret),
    status: 'active',
    created_at: now.toISOString(),
    rate_limit_per_second: request.ratePerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND,
    burst: request.burst ?? request.ratePerSecond ?? DEFAULT_BURST,
    ...(request.description ? { description: request.description } : {}),
  };
  return { key, record };
}
