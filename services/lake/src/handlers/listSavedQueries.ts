import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { SAVED_QUERIES } from '../domain/savedQueries.js';

/** GET /query/saved: the saved queries `POST /query` runs by name. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'query' }))
  .handler(async () => jsonResponse(200, { queries: SAVED_QUERIES }));
