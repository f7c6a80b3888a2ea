import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { WindowItemSchema } from '@sdp/shared-streams';
import type { WindowIncrements } from '../domain/types.js';

/** One campaign's stored window and its counts, as readers of the aggregations table get it. */
export interface CampaignWindowCounts extends WindowIncrements {
  campaignItemId: number;
  windowStart: Date;
}

/** The counts of a campaign window item, written by `dynamoDbWindowCounter` (`countIncrements`). */
const COUNTS = ['bids', 'impressions', 'clicks', 'spend'] as const satisfies readonly (keyof WindowIncrements)[];

/**
 * The aggregations table's window items (key `campaign_item_id` + `window_start`, index `ByDay`),
 * written by `dynamoDbWindowCounter` and read by report (`@sdp/aggregate`).
 *
 * @example
 * campaignWindowItems.itemKey(7, '2026-11-22T04:05:00.000Z')
 * // { campaign_item_id: { N: '7' }, window_start: { S: '2026-11-22T04:05:00.000Z' } }
 * campaignWindowItems.windowOf({ campaign_item_id: { N: '7' }, window_start: { S: '2026-11-22T04:05:00.000Z' }, bids: { N: '3' } })
 * // { campaignItemId: 7, windowStart: new Date('2026-11-22T04:05:00.000Z'), bids: 3, impressions: 0, clicks: 0, spend: 0 }
 */
export const campaignWindowItems: WindowItemSchema<number, CampaignWindowCounts> = {
  keyAttribute: 'campaign_item_id',
  keyValue: (campaignItemId) => ({ N: String(campaignItemId) }),
  itemKey: (campaignItemId, windowStart) => ({
    campaign_item_id: { N: String(campaignItemId) },
    window_start: { S: windowStart },
  }),
  countAttributes: COUNTS,
  windowOf: (item: Record<string, AttributeValue>) => {
    const count = (name: string) => Number(item[name]?.N ?? 0);
    return {
      campaignItemId: count('campaign_item_id'),
      windowStart: new Date(item.window_start?.S ?? Number.NaN),
      bids: count('bids'),
      impressions: count('impressions'),
      clicks: count('clicks'),
      spend: count('spend'),
    };
  },
};
