import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { WindowBounds } from './windowOf.js';

/**
 * The attributes every count of an event-time window sets beside its counts (campaign windows,
 * product windows): its end, UTC day (the `ByDay` index key), length and the time of the count.
 *
 * @example
 * windowAttributes({ windowStart, windowEnd: '2026-12-06T10:01:00.000Z', windowDay: '2026-12-06', periodMinutes: 1 }, now)
 * // { window_end: { S: '2026-12-06T10:01:00.000Z' }, window_day: { S: '2026-12-06' }, period_minutes: { N: '1' }, updated_at: { S: now } }
 */
export function windowAttributes(
  window: WindowBounds & { periodMinutes: number },
  updatedAt: string,
): Record<string, AttributeValue> {
  return {
    window_end: { S: window.windowEnd },
    window_day: { S: window.windowDay },
    period_minutes: { N: String(window.periodMinutes) },
    updated_at: { S: updatedAt },
  };
}
