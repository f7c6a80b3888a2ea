import { TIMESTAMP_DIGITS } from './constants.js';
import type { ClickstreamEvent } from './types.js';

/**
 * A clickstream event's identity within its user: time, name and type. A resent copy has the same
 * key and is counted once. Keys sort in event-time order (ties by name, then type), which also
 * decides a session's entry and exit event when two share a millisecond.
 *
 * @example
 * eventKeyOf({ user_id: 'u1', event_timestamp: 1763800000123, event_name: 'detail', event_type: 'click' })
 * // '1763800000123#detail#click'
 */
export function eventKeyOf(event: Pick<ClickstreamEvent, 'event_timestamp' | 'event_name' | 'event_type'>): string {
  return `${String(event.event_timestamp).padStart(TIMESTAMP_DIGITS, '0')}#${event.event_name}#${event.event_type ?? 'click'}`;
}
