import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { erasureStoreFromEnv } from '../adapters/erasureDeps.js';
import { UserErasureNotFoundError } from '../domain/errors.js';
import { parseUserRequest } from '../domain/parseUserRequest.js';
import { userErasureOf } from '../domain/userErasureOf.js';

const store = erasureStoreFromEnv();

/** GET /users/{user_id}/erasure: the user's tombstone and erasure log, newest first. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) => {
    const userId = parseUserRequest(event.pathParameters, event.queryStringParameters);
    const [tombstone, history] = await Promise.all([store.tombstone(userId), store.history(userId)]);
    if (!tombstone && history.length === 0) throw new UserErasureNotFoundError(userId);
    return jsonResponse(200, userErasureOf(userId, tombstone, history));
  });
