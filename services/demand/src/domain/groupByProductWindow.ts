import { windowOf } from '@sdp/shared';
import type { DemandEvent, ProductWindowGroup } from './types.js';

/**
 * Splits a batch's demand events into one group per (product, window), each keeping its events in
 * batch order; groups come in the order of their first event.
 *
 * @example
 * groupByProductWindow(events, 1)
 * // [{ productId: 'sku-001', windowStart: '2026-12-04T14:05:00.000Z', events: [e0, e3], … }, { productId: 'sku-007', … }]
 */
export function groupByProductWindow(events: readonly DemandEvent[], periodMinutes: number): ProductWindowGroup[] {
  const groups = new Map<string, ProductWindowGroup>();
  for (const event of events) {
    const bounds = windowOf(event.eventTimestamp, periodMinutes);
    const key = `${event.productId}\n${bounds.windowStart}`;
    const group = groups.get(key);
    if (group) group.events.push(event);
    else groups.set(key, { productId: event.productId, periodMinutes, ...bounds, events: [event] });
  }
  return [...groups.values()];
}
