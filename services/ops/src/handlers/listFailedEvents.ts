import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { failedEventsTableFromEnv } from '../adapters/opsDeps.js';
import { parseListRequest } from '../domain/parseListRequest.js';
import { summarizeFailedEvent } from '../domain/summarizeFailedEvent.js';

const table = failedEventsTableFromEnv();

/** GET /failed-events?status=failed&limit=100: records the stream consumers set aside, newest first. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const { status, limit } = parseListRequest(event.queryStringParameters);
    const items = await table.listByStatus(status, limit);
    return jsonResponse(200, { status, items: items.map(summarizeFailedEvent) });
  });
