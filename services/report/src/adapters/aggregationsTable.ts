import { paginateQuery, type AttributeValue, type DynamoDBClient, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import type { CampaignWindow, TimeRange } from '../domain/types.js';
import { mapWithConcurrency, utcDaysOf } from '@sdp/shared';

/** The aggregate service's table of per-campaign windows, as reports read it. */
export interface AggregationsTable {
  /** One campaign's windows: all of them, or those starting within [`from`, `to`). */
  windowsOfCampaign(campaignItemId: number, range?: TimeRange): Promise<CampaignWindow[]>;
  /** Every campaign's windows starting within [`from`, `to`), from the `ByDay` index. */
  windowsStartingIn(range: TimeRange): Promise<CampaignWindow[]>;
}

/** How many `ByDay` partitions are queried at once; a year is 366 queries. */
const DAY_QUERY_CONCURRENCY = 8;

// Only what reports need: whatever else the aggregate service keeps on a window item stays out.
const PROJECTION = 'campaign_item_id, window_start, bids, impressions, clicks, spend';

/**
 * The aggregations table in DynamoDB: key `campaign_item_id` + `window_start` (ISO UTC with
 * milliseconds, so string order is time order), GSI `ByDay` on `window_day` + `window_start`.
 *
 * @example
 * const table = dynamoDbAggregationsTable(new DynamoDBClient({}), 'sdp-aggregate-dev-aggregations');
 * await table.windowsOfCampaign(1463517);
 */
export function dynamoDbAggregationsTable(client: DynamoDBClient, tableName: string): AggregationsTable {
  const query = async (input: Omit<QueryCommandInput, 'TableName' | 'ProjectionExpression'>) => {
    const windows: CampaignWindow[] = [];
    for await (const page of paginateQuery({ client }, { ...input, TableName: tableName, ProjectionExpression: PROJECTION })) {
      for (const item of page.Items ?? []) windows.push(toCampaignWindow(item));
    }
    return windows;
  };

  return {
    windowsOfCampaign: (campaignItemId, range) =>
      query({
        KeyConditionExpression: `campaign_item_id = :id${range ? ' AND window_start BETWEEN :from AND :last' : ''}`,
        ExpressionAttributeValues: { ':id': { N: String(campaignItemId) }, ...(range ? startBounds(range) : {}) },
      }),
    windowsStartingIn: async (range) => {
      const perDay = await mapWithConcurrency(utcDaysOf(range), DAY_QUERY_CONCURRENCY, (day) =>
        query({
          IndexName: 'ByDay',
          KeyConditionExpression: 'window_day = :day AND window_start BETWEEN :from AND :last',
          ExpressionAttributeValues: { ':day': { S: day }, ...startBounds(range) },
        }),
      );
      return perDay.flat();
    },
  };
}

/** BETWEEN is inclusive at both ends, so the exclusive `to` becomes its last millisecond. */
function startBounds(range: TimeRange): Record<string, AttributeValue> {
  return { ':from': { S: range.from.toISOString() }, ':last': { S: new Date(range.to.getTime() - 1).toISOString() } };
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
