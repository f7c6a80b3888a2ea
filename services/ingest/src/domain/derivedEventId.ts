import { createHash } from 'node:crypto';

/**
 * The `event_id` that a name gives an event of `type` within `tenant`: the same three always give
 * the same id, a UUID version 8 (RFC 9562, custom) derived with SHA-256.
 *
 * @example
 * derivedEventId('acme', 'bid', 'import:3f2a…') // always the same UUID for these three
 */
export function derivedEventId(tenant: string, type: string, name: string): string {
  const hex = createHash('sha256').update(`${tenant}\n${type}\n${name}`).digest('hex');
  // RFC 9562 version 8 (custom) with the RFC variant bits.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
