import { campaignWindowItems } from '../src/index.js';
import { countIncrements } from '../src/domain/countIncrements.js';

describe('the aggregations table’s window items as report reads them', () => {
  it('publishes every count the window counter adds', () => {
    // Act
    const counted = Object.keys(countIncrements([]));

    // Assess
    expect([...campaignWindowItems.countAttributes].sort()).toStrictEqual(counted.sort());
  });

  it('reads a window item, a count not written yet as zero', () => {
    // Prepare
    const item = {
      ...campaignWindowItems.itemKey(7, '2026-11-22T04:05:00.000Z'),
      bids: { N: '3' },
      spend: { N: '12.5' },
      window_day: { S: '2026-11-22' },
    };

    // Act
    const window = campaignWindowItems.windowOf(item);

    // Assess
    expect(window).toStrictEqual({
      campaignItemId: 7,
      windowStart: new Date('2026-11-22T04:05:00.000Z'),
      bids: 3,
      impressions: 0,
      clicks: 0,
      spend: 12.5,
    });
  });

  it('keys a campaign’s windows by the campaign item id', () => {
    // Assess
    expect(campaignWindowItems.keyAttribute).toBe('campaign_item_id');
    expect(campaignWindowItems.keyValue(7)).toStrictEqual({ N: '7' });
  });
});
