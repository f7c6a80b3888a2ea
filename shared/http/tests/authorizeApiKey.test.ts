import { authorizeApiKey, issueApiKey, type ApiKeyRecord } from '../src/index.js';

const now = new Date('2026-11-22T10:00:00.000Z');
const bytes = (fill: number) => (size: number) => Buffer.alloc(size, fill);

function storedKey(changes: Partial<ApiKeyRecord> = {}) {
  const { key, record } = issueApiKey({ tenant: 'acme', scopes: ['ingest', 'report'] }, now, bytes(7));
  const stored = { ...record, ...changes };
  return { text: key.text, stored, lookup: async (id: string) => (id === stored.key_id ? stored : undefined) };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'authorized',
    (error: { statusCode: number; code: string }) => `${error.statusCode} ${error.code}`,
  );

describe('authorizeApiKey', () => {
  it('returns the stored record for an active key with the needed scope', async () => {
    // Prepare
    const { text, stored, lookup } = storedKey();

    // Act
    const record = await authorizeApiKey(text, lookup, 'ingest', now);

    // Assess
    expect(record).toStrictEqual(stored);
  });

  it('answers 401 for a missing, malformed, unknown or wrong key', async () => {
    // Prepare
    const { text, lookup } = storedKey();
    const wrongSecret = text.slice(0, -1) + (text.endsWith('0') ? '1' : '0');
    const unknownId = text.replace(/^sdp_[0-9a-f]{12}/, 'sdp_000000000000');

    // Act
    const codes = await Promise.all(
      [undefined, '', '   ', 'Bearer x', `${text} `.repeat(2), wrongSecret, unknownId].map((presented) =>
        codeOf(authorizeApiKey(presented, lookup, 'ingest', now)),
      ),
    );

    // Assess
    expect(codes).toStrictEqual([
      '401 missing_api_key',
      '401 missing_api_key',
      '401 missing_api_key',
      '401 invalid_api_key',
      '401 invalid_api_key',
      '401 invalid_api_key',
      '401 invalid_api_key',
    ]);
  });

  it('answers 403 for a revoked or expired key and for a scope the key lacks', async () => {
    // Prepare
    const revoked = storedKey({ status: 'revoked' });
    const expired = storedKey({ expires_at: '2026-11-22T09:59:59.999Z', replaced_by: 'b0b0b0b0b0b0' });
    const rotatedInGrace = storedKey({ expires_at: '2026-11-22T10:00:00.001Z' });
    const valid = storedKey();
    const admin = storedKey({ scopes: ['admin'] });

    // Act
    const codes = await Promise.all([
      codeOf(authorizeApiKey(revoked.text, revoked.lookup, 'ingest', now)),
      codeOf(authorizeApiKey(expired.text, expired.lookup, 'ingest', now)),
      codeOf(authorizeApiKey(rotatedInGrace.text, rotatedInGrace.lookup, 'ingest', now)),
      codeOf(authorizeApiKey(valid.text, valid.lookup, 'predict', now)),
      codeOf(authorizeApiKey(admin.text, admin.lookup, 'predict', now)),
    ]);
    const message = await authorizeApiKey(expired.text, expired.lookup, 'ingest', now).catch(
      (error: Error) => error.message,
    );

    // Assess
    expect(codes).toStrictEqual([
      '403 api_key_revoked',
      '403 api_key_expired',
      'authorized',
      '403 insufficient_scope',
      'authorized',
    ]);
    expect(message).toBe(
      `The API key ${expired.stored.key_id} expired at 2026-11-22T09:59:59.999Z; use its replacement b0b0b0b0b0b0.`,
    );
  });
});
