import { bucketStart } from './bucketStart.js';
import { sumCampaignWindows } from './sumCampaignWindows.js';
import type { Aggregation, CampaignWindow, Period } from './types.js';
import { formatWithOffset } from './zonedTime.js';

/**
 * One campaign's windows summed per minute, hour, day, week or month of `timeZone`, each bucket
 * labelled with its start in that zone (`period`, ISO 8601 with the offset in force then) and
 * sorted by start, latest first when `desc`. Buckets without windows are left out.
 *
 * @example
 * regroupWindows(
 *   [{ campaignItemId: 7, windowStart: new Date('2026-03-29T10:00:00Z'), bids: 2 }],
 *   { campaignItemId: 7, period: 'day', timeZone: 'Europe/Paris', desc: true },
 * )
 * // [{ campaign_item_id: 7, period: '2026-03-29T00:00:00+01:00', bids: 2, impressions: 0, clicks: 0, spend: 0, ctr: 0, win_rate: 0 }]
 */
export function regroupWindows(
  windows: readonly CampaignWindow[],
  grouping: { campaignItemId: number; period: Period; timeZone: string; desc: boolean },
): Aggregation[] {
  const windowsByStart = new Map<number, CampaignWindow[]>();
  const startOfWallTime = new Map<number, number>();
  for (const window of windows) {
    const start = bucketStart(window.windowStart, grouping.period, grouping.timeZone, startOfWallTime).getTime();
    const bucket = windowsByStart.get(start);
    if (bucket) bucket.push(window);
    else windowsByStart.set(start, [window]);
  }
  const starts = [...windowsByStart.keys()].sort((a, b) => (grouping.desc ? b - a : a - b));
  return starts.map((start) => {
    const { campaign_item_id, ...totals } = sumCampaignWindows(grouping.campaignItemId, windowsByStart.get(start) ?? []);
    return { campaign_item_id, period: formatWithOffset(start, grouping.timeZone), ...totals };
  });
}
