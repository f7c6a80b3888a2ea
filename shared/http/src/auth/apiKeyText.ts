import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_PREFIX } from './constants.js';

const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}_([0-9a-f]{12})_([0-9a-f]{48})$`);

/** A key as its holder sees it: `sdp_<key id>_<secret>`; only `keyId` and the secret's hash are stored. */
export interface ApiKeyText {
  keyId: string;
  secret: string;
  text: string;
}

/**
 * A new random key: a 48-bit id to look it up by and a 192-bit secret.
 *
 * @example
 * newApiKey().text // 'sdp_3f9c2a71b0d4_9b1e…' (65 characters)
 */
export function newApiKey(random: (bytes: number) => Buffer = randomBytes): ApiKeyText {
  const keyId = random(6).toString('hex');
  const secret = random(24).toString('hex');
  return { keyId, secret, text: `${API_KEY_PREFIX}_${keyId}_${secret}` };
}

/** The parts of a key in the right format, or undefined for anything else. */
export function parseApiKey(text: string): ApiKeyText | undefined {
  const match = KEY_PATTERN.exec(text);
  return match ? { keyId: match[1]!, secret: match[2]!, text } : undefined;
}

/**
 * The stored form of a secret. A plain SHA-256 is enough: the secret is 192 random bits, not a
 * password, so there is nothing for a slow hash to protect against.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Whether a secret matches a stored hash, in time that does not depend on where they differ. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const expected = Buffer.from(secretHash, 'hex');
  const actual = createHash('sha256').update(secret).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
