import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, QueryReader, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { usageFromEnv } from '../adapters/usageFromEnv.js';
import { buildCostReport } from '../domain/buildCostReport.js';

const readUsage = usageFromEnv();

/** GET /cost: what the running platform would cost on AWS, from its metered usage and the dated list prices. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) => {
    new QueryReader(event.queryStringParameters).finish();
    return jsonResponse(200, buildCostReport(await readUsage()));
  });
