import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, readJsonBody, requireApiKey } from '@sdp/shared-http';
import { sageMakerEndpoint } from '@sdp/shared-model';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { registryLiveModelSpec } from '../adapters/liveModelSpec.js';
import { predictWin } from '../domain/predictWin.js';

const deps = {
  liveModel: registryLiveModelSpec(requiredEnv('MODEL_REGISTRY_TABLE_NAME')),
  invoke: sageMakerEndpoint(requiredEnv('MODEL_ENDPOINT_NAME')),
  log: (message: string, data: Record<string, unknown>) => logger.warn(message, data),
};

/** POST /predictions: the live model's probability that the bid wins at its price. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'predict' }))
  .handler(async (event) => jsonResponse(200, await predictWin(readJsonBody(event, { maxBytes: 64 * 1024 }), deps)));
