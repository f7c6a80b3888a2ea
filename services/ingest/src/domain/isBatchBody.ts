/**
 * Whether a `POST /clickstream` body is a batch (`{"events": [...]}`) rather than one event: one
 * event never has an `events` field (the contract allows no unknown fields).
 *
 * @example
 * isBatchBody({ events: [] }) // true
 * isBatchBody({ user_id: 'u1', event_timestamp: 1763800000000, event_name: 'detail' }) // false
 */
export function isBatchBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
}
