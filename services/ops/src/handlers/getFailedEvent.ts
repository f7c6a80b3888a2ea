import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { failedEventsTableFromEnv } from '../adapters/opsDeps.js';
import { FailedEventNotFoundError } from '../domain/errors.js';

const table = failedEventsTableFromEnv();

/** GET /failed-events/{failure_id}: one failed record with its data, error and attempts. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const failureId = decodeURIComponent(event.pathParameters?.failure_id ?? '');
    const failed = await table.get(failureId);
    if (!failed) throw new FailedEventNotFoundError(failureId);
    return jsonResponse(200, failed);
  });
