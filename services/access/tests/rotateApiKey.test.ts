import { issueApiKey } from '@sdp/shared-http';
import { parsePositiveInteger, parseScopes, parseTenant } from '../src/domain/parseKeyOptions.js';
import { rotateApiKey } from '../src/domain/rotateApiKey.js';

const now = new Date('2026-11-22T10:00:00.000Z');

describe('rotateApiKey', () => {
  it('issues a new key with the same tenant, scopes and limits, and retires the old one after the grace', () => {
    // Prepare
    const { record: old } = issueApiKey(
      { tenant: 'acme', scopes: ['ingest'], ratePerSecond: 50, burst: 80, description: 'bidder' },
      new Date(0),
    );

    // Act
    const { key, record, retire } = rotateApiKey(old, 3_600_000, now);

    // Assess
    expect(record).toStrictEqual({
      ...old,
      key_id: key.keyId,
      secret_hash: record.secret_hash,
      created_at: now.toISOString(),
    });
    expect(record.secret_hash).not.toBe(old.secret_hash);
    expect(retire).toStrictEqual({ expires_at: '2026-11-22T11:00:00.000Z', replaced_by: key.keyId });
  });

  it('keeps an earlier expiry of the old key', () => {
    // Prepare
    const { record } = issueApiKey({ tenant: 'acme', scopes: ['ingest'] }, new Date(0));

    // Act
    const { retire } = rotateApiKey({ ...record, expires_at: '2026-11-22T10:30:00.000Z' }, 3_600_000, now);

    // Assess
    expect(retire.expires_at).toBe('2026-11-22T10:30:00.000Z');
  });
});

describe('key options', () => {
  it('reads scopes, tenants and limits, and says what is accepted otherwise', () => {
    // Act
    const good = [
      parseScopes('ingest, report'),
      parseTenant('acme-1'),
      parsePositiveInteger('rate', '200'),
      parsePositiveInteger('rate', undefined),
    ];
    const bad = [
      () => parseScopes('ingest,write'),
      () => parseScopes(''),
      () => parseTenant('a b'),
      () => parsePositiveInteger('rate', '0.5'),
    ].map((f) => {
      try {
        f();
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    });

    // Assess
    expect(good).toStrictEqual([['ingest', 'report'], 'acme-1', 200, undefined]);
    expect(bad).toStrictEqual([
      'Scopes are a comma list of ingest, report, query, predict, import, admin; got "ingest,write".',
      'Scopes are a comma list of ingest, report, query, predict, import, admin; got "".',
      `--tenant must be 1 to 64 letters, digits, '.', '_' or '-'; got "a b".`,
      '--rate must be a whole number ≥ 1; got "0.5".',
    ]);
  });
});
