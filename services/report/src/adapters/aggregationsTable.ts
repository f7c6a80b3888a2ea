import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CampaignWindow, TimeRange } from '../domain/types.js';
import { dynamoDbWindowsTable } from './windowsTable.js';

/** The aggregate service's table of per-campaign windows, as reports read it. */
export interface AggregationsTable {
  /** One campaign's windows: all of them, or those starting within [`from`, `to`). */
  windowsOfCampaign(campaignItemId: number, range?: TimeRange): Promise<CampaignWindow[]>;
  /** Every campaign's windows starting within [`from`, `to`), from the `ByDay` index. */
  windowsStartingIn(range: TimeRange): Promise<CampaignWindow[]>;
}

/**
 * The aggregations table in DynamoDB: key `campaign_item_id` + `window_start`, GSI `ByDay`
 * (`dynamoDbWindowsTable`).
 *
 * @example
 * const table = dynamoDbAggregationsTable(new DynamoDBClient({}), 'sdp-aggregate-dev-aggregations');
 * await table.windowsOfCampaign(1463517);
 */
export function dynamoDbAggregationsTable(client: DynamoDBClient, tableName: string): AggregationsTable {
  const table = dynamoDbWindowsTable(client, {
    tableName,
    keyValue: (campaignItemId: number) => ({ N: String(campaignItemId) }),
    attributes: ['campaign_item_id', 'window_start', 'bids', 'impressions', 'clicks', 'spend'],
    toWindow: toCampaignWindow,
  });
  return { windowsOfCampaign: table.windowsOf, windowsStartingIn: table.windowsStartingIn };
}

function toCampaignWindow(item: Record<string, AttributeValue>): CampaignWindow {
  const count = (name: string) => Number(item[name]?.N ?? 0);
  return {
    campaignItemId: count('campaign_item_id'),
    windowStart: new Date(item.window_start?.S ?? Number.NaN),
    bids: count('bids'),
    impressions: count('impressions'),
    clicks: count('clicks'),
    spend: count('spend'),
  };
}
