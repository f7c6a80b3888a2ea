import { validateCampaignList } from '@sdp/shared-contract';
import { buildCampaignList } from '../src/domain/buildCampaignList.js';
import type { CampaignListRequest } from '../src/domain/types.js';
import { windowAt } from './support/reportFixtures.js';

const request: CampaignListRequest = {
  from: new Date('2026-11-21T10:00:00.000Z'),
  to: new Date('2026-11-22T10:00:00.000Z'),
  sort: 'clicks',
  desc: true,
  limit: 2,
};

describe('buildCampaignList', () => {
  it('ranks campaigns by their totals over the windows starting in [from, to)', () => {
    // Prepare
    const windows = [
      windowAt('2026-11-21T09:59:00.000Z', { campaignItemId: 1, clicks: 100 }), // before from
      windowAt('2026-11-21T10:00:00.000Z', { campaignItemId: 1, bids: 4, impressions: 2, clicks: 1 }),
      windowAt('2026-11-22T09:59:00.000Z', { campaignItemId: 2, bids: 10, impressions: 5, clicks: 3, spend: 50 }),
      windowAt('2026-11-22T10:00:00.000Z', { campaignItemId: 3, clicks: 100 }), // at to: left out
      windowAt('2026-11-22T00:00:00.000Z', { campaignItemId: 4 }),
    ];

    // Act
    const list = buildCampaignList(request, windows);

    // Assess
    expect(list).toStrictEqual({
      from: '2026-11-21T10:00:00.000Z',
      to: '2026-11-22T10:00:00.000Z',
      sort: 'clicks',
      desc: true,
      campaigns: [
        { campaign_item_id: 2, bids: 10, impressions: 5, clicks: 3, spend: 50, ctr: 0.6, win_rate: 0.5 },
        { campaign_item_id: 1, bids: 4, impressions: 2, clicks: 1, spend: 0, ctr: 0.5, win_rate: 0.5 },
      ],
    });
  });

  it('answers a body the contract accepts as a CampaignList', () => {
    // Prepare
    const list = buildCampaignList(request, [windowAt('2026-11-22T00:00:00.000Z', { bids: 1 })]);

    // Act
    const valid = validateCampaignList(JSON.parse(JSON.stringify(list)));

    // Assess
    expect({ valid, errors: validateCampaignList.errors ?? [] }).toStrictEqual({ valid: true, errors: [] });
  });
});
