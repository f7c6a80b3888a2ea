import { sumCampaignWindows } from './sumCampaignWindows.js';
import type { Aggregation, CampaignWindow, SortKey } from './types.js';

/**
 * Every campaign's totals over its windows, ranked by one total (largest first when `desc`), ties
 * broken by campaign id ascending either way, cut to the first `limit`.
 *
 * @example
 * rankCampaigns(
 *   [{ campaignItemId: 2, windowStart, bids: 5 }, { campaignItemId: 1, windowStart, bids: 5 }, { campaignItemId: 3, windowStart, bids: 9 }],
 *   { sort: 'bids', desc: true, limit: 2 },
 * ).map((c) => c.campaign_item_id)
 * // [3, 1]
 */
export function rankCampaigns(
  windows: readonly CampaignWindow[],
  ranking: { sort: SortKey; desc: boolean; limit: number },
): Aggregation[] {
  const windowsByCampaign = new Map<number, CampaignWindow[]>();
  for (const window of windows) {
    const campaign = windowsByCampaign.get(window.campaignItemId);
    if (campaign) campaign.push(window);
    else windowsByCampaign.set(window.campaignItemId, [window]);
  }
  const direction = ranking.desc ? -1 : 1;
  return [...windowsByCampaign]
    .map(([campaignItemId, campaignWindows]) => sumCampaignWindows(campaignItemId, campaignWindows))
    .sort((a, b) => direction * (a[ranking.sort] - b[ranking.sort]) || a.campaign_item_id - b.campaign_item_id)
    .slice(0, ranking.limit);
}
