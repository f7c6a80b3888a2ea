import { sumCampaigns } from '../src/domain/sumCampaigns.js';
import { aggregationOf } from './support/dashboardFixtures.js';

describe('sumCampaigns', () => {
  it('adds up the counts and derives win rate and CTR from the sums, not from the campaigns’ rates', () => {
    // Prepare
    const campaigns = [
      aggregationOf(1, { bids: 10, impressions: 1, clicks: 1, spend: 40 }),
      aggregationOf(2, { bids: 30, impressions: 9, spend: 60 }),
    ];

    // Act
    const totals = sumCampaigns(campaigns);

    // Assess
    expect(totals).toStrictEqual({
      campaigns: 2,
      bids: 40,
      impressions: 10,
      clicks: 1,
      spend: 100,
      winRate: 0.25,
      ctr: 0.1,
    });
  });

  it('answers zero rates when nothing was bid or shown', () => {
    // Act
    const totals = sumCampaigns([]);

    // Assess
    expect(totals).toStrictEqual({ campaigns: 0, bids: 0, impressions: 0, clicks: 0, spend: 0, winRate: 0, ctr: 0 });
  });
});
