import { windowOf } from '@sdp/shared';
import type { CountableRecord, WindowGroup } from './types.js';


/**
 * Splits a batch's valid records into one group per (campaign, window), each keeping its records in
 * batch order; groups come in the order of their first record.
 *
 * @example
 * groupByWindow(records, 1)
 * // [{ campaignItemId: 7, windowStart: '2026-11-22T04:05:00.000Z', records: [r0, r3] }, { campaignItemId: 8, ... }]
 */
export function groupByWindow(records: readonly CountableRecord[], periodMinutes: number): WindowGroup[] {
  const groups = new Map<string, WindowGroup>();
  for (const record of records) {
    const bounds = windowOf(record.event.event_time, periodMinutes);
    const campaignItemId = record.event.campaign_item_id;
    const key = `${campaignItemId}\n${bounds.windowStart}`;
    const group = groups.get(key);
    if (group) group.records.push(record);
    else groups.set(key, { campaignItemId, periodMinutes, ...bounds, records: [record] });
  }
  return [...groups.values()];
}
