import middy from '@middy/core';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, InvalidRequestError, jsonResponse, logger, requiredEnv } from '@sdp/shared';
import { readCampaignWindows } from '../adapters/aggregationsTable.js';
import { sumCampaignWindows } from '../domain/sumCampaignWindows.js';

const dynamoDb = new DynamoDBClient({});
const tableName = requiredEnv('AGGREGATIONS_TABLE_NAME');

/** GET /reports/campaigns/{campaign_item_id}: the campaign's totals (zeros for a campaign with no data). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(httpErrorHandler({ logger }))
  .handler(async (event) => {
    const raw = event.pathParameters?.campaign_item_id ?? '';
    if (!/^\d{1,15}$/.test(raw)) {
      throw new InvalidRequestError(`campaign_item_id must be a non-negative integer, got '${raw}'.`);
    }
    const campaignItemId = Number(raw);
    return jsonResponse(200, sumCampaignWindows(campaignItemId, await readCampaignWindows(dynamoDb, tableName, campaignItemId)));
  });
