import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbAggregationsTable } from '../adapters/aggregationsTable.js';
import { parseCampaignReportRequest } from '../domain/parseCampaignReportRequest.js';
import { sumCampaignWindows } from '../domain/sumCampaignWindows.js';

const aggregations = dynamoDbAggregationsTable(new DynamoDBClient({}), requiredEnv('AGGREGATIONS_TABLE_NAME'));

/** GET /reports/campaigns/{campaign_item_id}: the campaign's all-time totals (zeros for a campaign with no data). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const { campaignItemId } = parseCampaignReportRequest({
      campaignItemId: event.pathParameters?.campaign_item_id,
      query: event.queryStringParameters,
    });
    return jsonResponse(200, sumCampaignWindows(campaignItemId, await aggregations.windowsOfCampaign(campaignItemId)));
  });
