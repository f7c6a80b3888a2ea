import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbAggregationsTable } from '../adapters/aggregationsTable.js';
import { buildPeriodReport } from '../domain/buildPeriodReport.js';
import { parsePeriodReportRequest } from '../domain/parsePeriodReportRequest.js';

const aggregations = dynamoDbAggregationsTable(new DynamoDBClient({}), requiredEnv('AGGREGATIONS_TABLE_NAME'));

/** GET /reports/campaigns/{campaign_item_id}/period: the campaign's counts per minute, hour, day, week or month in a time zone. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const request = parsePeriodReportRequest(
      { campaignItemId: event.pathParameters?.campaign_item_id, query: event.queryStringParameters },
      new Date(),
    );
    const windows = await aggregations.windowsOfCampaign(request.campaignItemId, request);
    return jsonResponse(200, buildPeriodReport(request, windows));
  });
