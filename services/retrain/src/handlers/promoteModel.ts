import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, InvalidRequestError, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { modelStoresFromEnv } from '../adapters/retrainDeps.js';
import { parseModelName } from '../domain/parseModelName.js';
import { promoteVersion } from '../domain/promoteVersion.js';

const stores = { 'bid-win': modelStoresFromEnv('bid-win'), demand: modelStoresFromEnv('demand') };
const VERSION = /^[0-9A-Za-z-]{1,64}$/;

/** POST /models/{version}/promote?model=bid-win|demand: make a recorded version live, e.g. to roll back. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) => {
    const model = parseModelName(event.queryStringParameters);
    const version = event.pathParameters?.version ?? '';
    if (!VERSION.test(version))
      throw new InvalidRequestError(`'${version}' is not a model version; GET /models?model=${model} lists them.`);
    const promoted = await promoteVersion(version, stores[model]);
    logger.info('model promoted by request', { model, version });
    return jsonResponse(200, promoted);
  });
