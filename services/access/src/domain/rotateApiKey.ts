import { issueApiKey, type ApiKeyRecord, type ApiKeyText } from '@sdp/shared-http';

/**
 * The replacement for a key: a new key with the same tenant, scopes and limits, and the change to
 * the old one, which keeps working for `graceMs` so callers can switch without an outage.
 *
 * @example
 * const { key, record, retire } = rotateApiKey(old, 24 * 3_600_000, new Date());
 * await keys.create(record); await keys.update(old.key_id, retire);
 */
export function rotateApiKey(
  old: ApiKeyRecord,
  graceMs: number,
  now: Date,
  random?: (bytes: number) => Buffer,
): { key: ApiKeyText; record: ApiKeyRecord; retire: Pick<ApiKeyRecord, 'expires_at' | 'replaced_by'> } {
  const { key, record } = issueApiKey(
    {
      tenant: old.tenant,
      scopes: old.scopes,
      ratePerSecond: old.rate_limit_per_second,
      burst: old.burst,
      ...(old.description ? { description: old.description } : {}),
    },
    now,
    random,
  );
  const expiresAt = new Date(now.getTime() + graceMs).toISOString();
  // A key that already expires sooner keeps its earlier end.
  const retireAt = old.expires_at !== undefined && old.expires_at < expiresAt ? old.expires_at : expiresAt;
  return { key, record, retire: { expires_at: retireAt, replaced_by: key.keyId } };
}
