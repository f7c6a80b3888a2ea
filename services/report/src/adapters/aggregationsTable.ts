import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { campaignWindowItems } from '@sdp/aggregate';
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
 * The aggregations table in DynamoDB: key `campaign_item_id` + `window_start`, GSI `ByDay`, read
 * through the item schema the aggregate service publishes (`campaignWindowItems`).
 *
 * @example
 * const table = dynamoDbAggregationsTable(new DynamoDBClient({}), 'sdp-aggregate-dev-aggregations');
 * await table.windowsOfCampaign(1463517);
 */
export function dynamoDbAggregationsTable(client: DynamoDBClient, tableName: string): AggregationsTable {
  const table = dynamoDbWindowsTable<number, CampaignWindow>(client, tableName, campaignWindowItems);
  return { windowsOfCampaign: table.windowsOf, windowsStartingIn: table.windowsStartingIn };
}
