import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { httpErrorHandler, InvalidRequestError, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { modelStoresFromEnv, promotionSettingsFromEnv } from '../adapters/retrainDeps.js';
import { parseModelName } from '../domain/parseModelName.js';
import { requestPromotion } from '../domain/requestPromotion.js';

const stores = { 'bid-win': modelStoresFromEnv('bid-win'), demand: modelStoresFromEnv('demand') };
const settings = promotionSettingsFromEnv();
const VERSION = /^[0-9A-Za-z-]{1,64}$/;

/** POST /models/{version}/promote?model=bid-win|demand: ask the endpoint to serve a recorded version, e.g. to roll back. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) => {
    const model = parseModelName(event.queryStringParameters);
    const version = event.pathParameters?.version ?? '';
    if (!VERSION.test(version))
      throw new InvalidRequestError(`'${version}' is not a model version; GET /models?model=${model} lists them.`);
    const promoted = await requestPromotion(version, { ...stores[model], now: () => new Date(), sleep }, settings);
    logger.info('model promotion requested', { model, version, promotion: promoted.promotion?.status });
    return jsonResponse(promoted.live ? 200 : 202, promoted);
  });
