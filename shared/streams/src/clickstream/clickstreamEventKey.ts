import type { components } from '@sdp/shared-contract';

type ClickstreamEvent = components['schemas']['ClickstreamEvent'];

/** Digits of a millisecond timestamp in an event key, so keys sort in time order (up to year 2286). */
const TIMESTAMP_DIGITS = 13;

/**
 * A clickstream event's identity within its user: time, name and type (the contract's
 * `ClickstreamEnvelope` says so). A resent copy has the same key and is counted once. Keys sort in
 * event-time order (ties by name, then type), which also decides a session's entry and exit event
 * when two share a millisecond.
 *
 * @example
 * clickstreamEventKey({ user_id: 'u1', event_timestamp: 1763800000123, event_name: 'detail', event_type: 'click' })
 * // '1763800000123#detail#click'
 */
export function clickstreamEventKey(
  event: Pick<ClickstreamEvent, 'event_timestamp' | 'event_name' | 'event_type'>,
): string {
  return `${String(event.event_timestamp).padStart(TIMESTAMP_DIGITS, '0')}#${event.event_name}#${event.event_type ?? 'click'}`;
}
