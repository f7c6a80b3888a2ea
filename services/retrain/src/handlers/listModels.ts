import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { modelRegistryFromEnv } from '../adapters/retrainDeps.js';
import { listModelVersions } from '../domain/listModelVersions.js';
import { parseModelName } from '../domain/parseModelName.js';

const registries = { 'bid-win': modelRegistryFromEnv('bid-win'), demand: modelRegistryFromEnv('demand') };

/** GET /models?model=bid-win|demand: every version of a model, newest first, with its metrics and which is live. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) =>
    jsonResponse(200, await listModelVersions(registries[parseModelName(event.queryStringParameters)])),
  );
