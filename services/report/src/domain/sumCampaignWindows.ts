import type { Aggregation, WindowCounts } from './types.js';

/**
 * A campaign's totals over its windows, with the derived rates; a campaign with no windows has
 * totals of zero.
 *
 * @example
 * sumCampaignWindows(7, [{ bids: 2, impressions: 1, spend: 5 }, { bids: 2, clicks: 1 }])
 * // { campaign_item_id: 7, bids: 4, impressions: 1, clicks: 1, spend: 5, ctr: 1, win_rate: 0.25 }
 */
export function sumCampaignWindows(campaignItemId: number, windows: readonly WindowCounts[]): Aggregation {
  let bids = 0;
  let impressions = 0;
  let clicks = 0;
  let spend = 0;
  for (const window of windows) {
    bids += window.bids ?? 0;
    impressions += window.impressions ?? 0;
    clicks += window.clicks ?? 0;
    spend += window.spend ?? 0;
  }
  return {
    campaign_item_id: campaignItemId,
    bids,
    impressions,
    clicks,
    spend,
    ctr: impressions === 0 ? 0 : clicks / impressions,
    win_rate: bids === 0 ? 0 : impressions / bids,
  };
}
