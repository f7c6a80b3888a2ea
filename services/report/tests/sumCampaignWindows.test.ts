import { validateAggregation } from '@sdp/shared-contract';
import { sumCampaignWindows } from '../src/domain/sumCampaignWindows.js';
import type { WindowCounts } from '../src/domain/types.js';

function window(counts: WindowCounts = {}): WindowCounts {
  return { bids: 0, impressions: 0, clicks: 0, ...counts };
}

describe('sumCampaignWindows', () => {
  it('sums bids, impressions, clicks and spend over every window and derives the rates', () => {
    // Prepare
    const windows = [
      window({ bids: 120, impressions: 30, clicks: 2, spend: 900 }),
      window({ bids: 80, impressions: 20, clicks: 1, spend: 100 }),
      window({ bids: 0 }),
    ];

    // Act
    const totals = sumCampaignWindows(1463517, windows);

    // Assess
    expect(totals).toStrictEqual({
      campaign_item_id: 1463517,
      bids: 200,
      impressions: 50,
      clicks: 3,
      spend: 1000,
      ctr: 0.06,
      win_rate: 0.25,
    });
  });

  it('answers zeros for a campaign with no windows', () => {
    // Act
    const totals = sumCampaignWindows(7, []);

    // Assess
    expect(totals).toStrictEqual({
      campaign_item_id: 7,
      bids: 0,
      impressions: 0,
      clicks: 0,
      spend: 0,
      ctr: 0,
      win_rate: 0,
    });
  });

  it('counts a count missing from a window as zero', () => {
    // Prepare
    const windows: WindowCounts[] = [{ bids: 2, impressions: 1 }, { bids: 2, clicks: 1 }, {}];

    // Act
    const totals = sumCampaignWindows(7, windows);

    // Assess
    expect(totals).toStrictEqual({
      campaign_item_id: 7,
      bids: 4,
      impressions: 1,
      clicks: 1,
      spend: 0,
      ctr: 1,
      win_rate: 0.25,
    });
  });

  it('keeps campaign id 0 rather than treating it as missing', () => {
    // Act
    const totals = sumCampaignWindows(0, [window({ clicks: 4 })]);

    // Assess
    expect(totals).toStrictEqual({
      campaign_item_id: 0,
      bids: 0,
      impressions: 0,
      clicks: 4,
      spend: 0,
      ctr: 0,
      win_rate: 0,
    });
  });

  it('adds many windows exactly', () => {
    // Prepare: a week of minute windows
    const windows = Array.from({ length: 7 * 24 * 60 }, (_, minute) =>
      window({ bids: 3, impressions: minute % 2, clicks: minute % 60 === 0 ? 1 : 0 }),
    );

    // Act
    const totals = sumCampaignWindows(42, windows);

    // Assess
    expect(totals).toStrictEqual({
      campaign_item_id: 42,
      bids: 30240,
      impressions: 5040,
      clicks: 168,
      spend: 0,
      ctr: 168 / 5040,
      win_rate: 5040 / 30240,
    });
  });

  it('answers a body the contract accepts as an Aggregation', () => {
    // Prepare
    const totals = sumCampaignWindows(1463517, [window({ bids: 1, impressions: 1, clicks: 1 })]);

    // Act
    const valid = validateAggregation(JSON.parse(JSON.stringify(totals)));

    // Assess
    expect({ valid, errors: validateAggregation.errors ?? [] }).toStrictEqual({ valid: true, errors: [] });
  });

  it('leaves the windows it was given untouched', () => {
    // Prepare
    const windows = [window({ bids: 1 }), window({ bids: 2 })];

    // Act
    sumCampaignWindows(1, windows);

    // Assess
    expect(windows).toStrictEqual([window({ bids: 1 }), window({ bids: 2 })]);
  });
});
