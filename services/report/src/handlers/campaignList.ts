import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbAggregationsTable } from '../adapters/aggregationsTable.js';
import { buildCampaignList } from '../domain/buildCampaignList.js';
import { parseCampaignListRequest } from '../domain/parseCampaignListRequest.js';

const aggregations = dynamoDbAggregationsTable(new DynamoDBClient({}), requiredEnv('AGGREGATIONS_TABLE_NAME'));

/** GET /reports/campaigns: campaigns with a window starting in [from, to), ranked by one total (top-N). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const request = parseCampaignListRequest(event.queryStringParameters, new Date());
    return jsonResponse(200, buildCampaignList(request, await aggregations.windowsStartingIn(request)));
  });
