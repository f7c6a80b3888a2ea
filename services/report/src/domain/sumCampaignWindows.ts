import type { components } from '@sdp/shared';

export type Aggregation = components['schemas']['Aggregation'];
export interface WindowCounts {
  bids?: number;
  impressions?: number;
  clicks?: number;
}

/**
 * A campaign's totals over its windows; a campaign with no windows has totals of zero.
 *
 * @example
 * sumCampaignWindows(7, [{ bids: 2, impressions: 1 }, { bids: 1, clicks: 1 }])
 * // { campaign_item_id: 7, bids: 3, impressions: 1, clicks: 1 }
 */
export function sumCampaignWindows(campaignItemId: number, windows: readonly WindowCounts[]): Aggregation {
  const totals = { campaign_item_id: campaignItemId, bids: 0, impressions: 0, clicks: 0 };
  for (const window of windows) {
    totals.bids += window.bids ?? 0;
    totals.impressions += window.impressions ?? 0;
    totals.clicks += window.clicks ?? 0;
  }
  return totals;
}
