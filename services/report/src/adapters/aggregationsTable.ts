import type { DynamoDBClient} from '@aws-sdk/client-dynamodb';
import { paginateQuery } from '@aws-sdk/client-dynamodb';
import type { WindowCounts } from '../domain/sumCampaignWindows.js';

/** Reads a campaign's windows from the aggregations table. */
export async function readCampaignWindows(client: DynamoDBClient, tableName: string, campaignItemId: number): Promise<WindowCounts[]> {
  const windows: WindowCounts[] = [];
  const pages = paginateQuery(
    { client },
    {
      TableName: tableName,
      KeyConditionExpression: 'campaign_item_id = :id',
      ExpressionAttributeValues: { ':id': { N: String(campaignItemId) } },
      ProjectionExpression: 'bids, impressions, clicks, spend',
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      windows.push({
        bids: Number(item.bids?.N ?? 0),
        impressions: Number(item.impressions?.N ?? 0),
        clicks: Number(item.clicks?.N ?? 0),
        spend: Number(item.spend?.N ?? 0),
      });
    }
  }
  return windows;
}
