import { bucketWindows } from './bucketWindows.js';
import { sumCampaignWindows } from './sumCampaignWindows.js';
import type { Aggregation, CampaignWindow, Period } from './types.js';

/**
 * One campaign's windows summed per minute, hour, day, week or month of `timeZone` (`bucketWindows`),
 * each bucket labelled with its start in that zone.
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
  return bucketWindows(windows, grouping).map(({ period, windows: bucket }) => {
    const { campaign_item_id, ...totals } = sumCampaignWindows(grouping.campaignItemId, bucket);
    return { campaign_item_id, period, ...totals };
  });
}
