import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { erasureRequestDeps, requesterOf } from '../adapters/erasureDeps.js';
import { parseUserRequest } from '../domain/parseUserRequest.js';
import { startErasure } from '../domain/startErasure.js';

const deps = erasureRequestDeps();

/** DELETE /users/{user_id}: the user's tombstone now, their data removed by completeErasures (202). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) => {
    const erasure = await startErasure(
      parseUserRequest(event.pathParameters, event.queryStringParameters),
      requesterOf(event),
      deps,
    );
    logger.info('erasure started', { erasureId: erasure.erasure_id });
    return jsonResponse(202, erasure);
  });
