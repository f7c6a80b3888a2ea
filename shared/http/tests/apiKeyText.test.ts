import { hashSecret, issueApiKey, newApiKey, parseApiKey } from '../src/index.js';

describe('API key text', () => {
  it('makes keys that parse back into their id and secret, and stores only the secret’s hash', () => {
    // Act
    const key = newApiKey();
    const { record } = issueApiKey(
      { tenant: 't', scopes: ['report', 'ingest', 'report'] },
      new Date('2026-11-22T00:00:00Z'),
      () => Buffer.alloc(0),
    );

    // Assess
    expect(key.text).toMatch(/^sdp_[0-9a-f]{12}_[0-9a-f]{48}$/);
    expect(parseApiKey(key.text)).toStrictEqual(key);
    expect(hashSecret(key.secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(record)).not.toContain(key.secret);
    expect(record.scopes).toStrictEqual(['ingest', 'report']);
  });

  it('makes a different key every time', () => {
    // Act
    const texts = new Set(Array.from({ length: 1000 }, () => newApiKey().text));

    // Assess
    expect(texts.size).toBe(1000);
  });

  it('refuses anything that is not a key', () => {
    // Act
    const parsed = [
      'sdp_abc_def',
      'SDP_3f9c2a71b0d4_' + 'a'.repeat(48),
      'sdp_3f9c2a71b0d4_' + 'a'.repeat(47),
      'sdp_3f9c2a71b0d4_' + 'A'.repeat(48),
      '',
    ].map(parseApiKey);

    // Assess
    expect(parsed).toStrictEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
