import { validateAggregation } from '@sdp/shared/src/generated/validators.js';
import { sumCampaignWindows, type WindowCounts } from '../src/domain/sumCampaignWindows.js';

function window(counts: WindowCounts = {}): WindowCounts {
  return { bids: 0, impressions: 0, clicks: 0, ...counts };
}

describe('sumCampaignWindows', () => {
  it('sums bids, impressions and clicks over every window', () => {
    // Prepare
    const windows = [window({ bids: 120, impressions: 30, clicks: 2 }), window({ bids: 80, impressions: 21, clicks: 1 }), window({ bids: 5 })];

    // Act
    const totals = sumCampaignWindows(1463517, windows);

    // Assess
    expect(totals).toStrictEqual({ campaign_item_id: 1463517, bids: 205, impressions: 51, clicks: 3 });
  });

  it('answers zeros for a campaign with no windows', () => {
    // Act
    const totals = sumCampaignWindows(7, []);

    // Assess
    expect(totals).toStrictEqual({ campaign_item_id: 7, bids: 0, impressions: 0, clicks: 0 });
  });

  it('counts a count missing from a window as zero', () => {
    // Prepare
    const windows: WindowCounts[] = [{ bids: 2, impressions: 1 }, { bids: 1, clicks: 1 }, {}];

    // Act
    const totals = sumCampaignWindows(7, windows);

    // Assess
    expect(totals).toStrictEqual({ campaign_item_id: 7, bids: 3, impressions: 1, clicks: 1 });
  });

  it('keeps campaign id 0 rather than treating it as missing', () => {
    // Act
    const totals = sumCampaignWindows(0, [window({ clicks: 4 })]);

    // Assess
    expect(totals).toStrictEqual({ campaign_item_id: 0, bids: 0, impressions: 0, clicks: 4 });
  });

  it('adds many windows exactly', () => {
    // Prepare: a week of minute windows
    const windows = Array.from({ length: 7 * 24 * 60 }, (_, minute) => window({ bids: 3, impressions: minute % 2, clicks: minute % 60 === 0 ? 1 : 0 }));

    // Act
    const totals = sumCampaignWindows(42, windows);

    // Assess
    expect(totals).toStrictEqual({ campaign_item_id: 42, bids: 30240, impressions: 5040, clicks: 168 });
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
