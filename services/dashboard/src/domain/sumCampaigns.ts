import type { Aggregation, CampaignTotals } from './types.js';

/**
 * Adds up campaigns' counts and derives the rates as the contract defines them: win rate =
 * impressions / bids, CTR = clicks / impressions, 0 when the divisor is 0.
 *
 * @example
 * sumCampaigns([{ bids: 10, impressions: 4, clicks: 1, spend: 40, … }, { bids: 10, impressions: 0, … }])
 * // { campaigns: 2, bids: 20, impressions: 4, clicks: 1, spend: 40, winRate: 0.2, ctr: 0.25 }
 */
export function sumCampaigns(campaigns: readonly Aggregation[]): CampaignTotals {
  const sum = (count: 'bids' | 'impressions' | 'clicks' | 'spend') =>
    campaigns.reduce((total, campaign) => total + campaign[count], 0);
  const [bids, impressions, clicks, spend] = [sum('bids'), sum('impressions'), sum('clicks'), sum('spend')];
  return {
    campaigns: campaigns.length,
    bids,
    impressions,
    clicks,
    spend,
    winRate: bids === 0 ? 0 : impressions / bids,
    ctr: impressions === 0 ? 0 : clicks / impressions,
  };
}
