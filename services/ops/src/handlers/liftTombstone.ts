import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { erasureRequestDeps, requesterOf } from '../adapters/erasureDeps.js';
import { liftTombstone } from '../domain/liftTombstone.js';
import { parseUserRequest } from '../domain/parseUserRequest.js';

const deps = erasureRequestDeps();

/** DELETE /users/{user_id}/tombstone: un-erase; the user's new events count again, erased data stays erased. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) =>
    jsonResponse(
      200,
      await liftTombstone(
        parseUserRequest(event.pathParameters, event.queryStringParameters),
        requesterOf(event),
        deps,
      ),
    ),
  );
