import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, QueryReader, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { failedEventsTableFromEnv } from '../adapters/opsDeps.js';
import { countFailedEvents } from '../domain/countFailedEvents.js';

const table = failedEventsTableFromEnv();

/** GET /reports/failed-events: how many records each consumer set aside, retries, replayed. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    new QueryReader(event.queryStringParameters).finish();
    return jsonResponse(200, countFailedEvents(await table.scanAll()));
  });
