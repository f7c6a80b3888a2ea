import { rankCampaigns } from '../src/domain/rankCampaigns.js';
import type { CampaignWindow } from '../src/domain/types.js';
import { windowAt } from './support/reportFixtures.js';

const of = (campaignItemId: number, counts: Partial<CampaignWindow>) =>
  windowAt('2026-11-22T04:05:00.000Z', { campaignItemId, ...counts });
const idsOf = (campaigns: { campaign_item_id: number }[]) => campaigns.map((campaign) => campaign.campaign_item_id);

// Campaign 1: 100 bids, 10 impressions, 1 click, spend 50 → ctr 0.1, win rate 0.1
// Campaign 2: 40 bids, 20 impressions, 5 clicks, spend 500 → ctr 0.25, win rate 0.5
// Campaign 3: 60 bids, no impressions → ctr 0, win rate 0
const windows = [
  of(1, { bids: 60, impressions: 6, clicks: 1, spend: 30 }),
  of(2, { bids: 40, impressions: 20, clicks: 5, spend: 500 }),
  of(3, { bids: 60 }),
  of(1, { bids: 40, impressions: 4, spend: 20 }),
];

describe('rankCampaigns', () => {
  it('sums each campaign over its windows and ranks by bids, most first', () => {
    // Act
    const campaigns = rankCampaigns(windows, { sort: 'bids', desc: true, limit: 100 });

    // Assess
    expect(campaigns).toStrictEqual([
      { campaign_item_id: 1, bids: 100, impressions: 10, clicks: 1, spend: 50, ctr: 0.1, win_rate: 0.1 },
      { campaign_item_id: 3, bids: 60, impressions: 0, clicks: 0, spend: 0, ctr: 0, win_rate: 0 },
      { campaign_item_id: 2, bids: 40, impressions: 20, clicks: 5, spend: 500, ctr: 0.25, win_rate: 0.5 },
    ]);
  });

  it.each([
    ['impressions', true, [2, 1, 3]],
    ['clicks', true, [2, 1, 3]],
    ['spend', true, [2, 1, 3]],
    ['ctr', true, [2, 1, 3]],
    ['win_rate', true, [2, 1, 3]],
    ['bids', false, [2, 3, 1]],
    ['spend', false, [3, 1, 2]],
    ['win_rate', false, [3, 1, 2]],
  ] as const)('ranks by %s (desc %s)', (sort, desc, expected) => {
    // Act
    const campaigns = rankCampaigns(windows, { sort, desc, limit: 100 });

    // Assess
    expect(idsOf(campaigns)).toStrictEqual(expected);
  });

  it('breaks ties by campaign id ascending, whichever the direction', () => {
    // Prepare
    const tied = [of(30, { clicks: 2 }), of(10, { clicks: 2 }), of(20, { clicks: 2 }), of(5, { clicks: 1 })];

    // Act
    const ranked = {
      desc: idsOf(rankCampaigns(tied, { sort: 'clicks', desc: true, limit: 10 })),
      asc: idsOf(rankCampaigns(tied, { sort: 'clicks', desc: false, limit: 10 })),
    };

    // Assess
    expect(ranked).toStrictEqual({ desc: [10, 20, 30, 5], asc: [5, 10, 20, 30] });
  });

  it('keeps only the first limit campaigns after ranking', () => {
    // Prepare
    const many = Array.from({ length: 50 }, (_, id) => of(id, { bids: id % 10 }));

    // Act
    const campaigns = rankCampaigns(many, { sort: 'bids', desc: true, limit: 3 });

    // Assess
    expect(idsOf(campaigns)).toStrictEqual([9, 19, 29]);
  });

  it('answers no campaigns for no windows', () => {
    // Act
    const campaigns = rankCampaigns([], { sort: 'bids', desc: true, limit: 10 });

    // Assess
    expect(campaigns).toStrictEqual([]);
  });
});
