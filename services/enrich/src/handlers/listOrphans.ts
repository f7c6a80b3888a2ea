import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbPendingEvents } from '../adapters/pendingEvents.js';
import { listOrphans } from '../domain/listOrphans.js';
import { parseOrphanRequest } from '../domain/parseOrphanRequest.js';

const pending = dynamoDbPendingEvents(new DynamoDBClient({}), requiredEnv('JOIN_STATE_TABLE_NAME'));
const minutes = (name: string) => Number(requiredEnv(name)) * 60_000;
const timeouts = {
  bidsSessionTimeoutMs: minutes('BIDS_SESSION_TIMEOUT_MINUTES'),
  clicksSessionTimeoutMs: minutes('CLICKS_SESSION_TIMEOUT_MINUTES'),
};

/** GET /orphans: impressions and clicks with an event time in [from, to) that can no longer join. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const now = new Date();
    const request = parseOrphanRequest(event.queryStringParameters, now);
    return jsonResponse(200, await listOrphans(request, { pending, timeouts, now }));
  });
