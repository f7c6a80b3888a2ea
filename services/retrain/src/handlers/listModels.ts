import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, logger, requireApiKey, requiredEnv } from '@sdp/shared';
import { dynamoDbModelRegistry } from '../adapters/modelRegistryTable.js';
import { listModelVersions } from '../domain/listModelVersions.js';

const registry = dynamoDbModelRegistry(requiredEnv('MODEL_REGISTRY_TABLE_NAME'));

/** GET /models: every version, newest first, with its metrics and which is live. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async () => jsonResponse(200, await listModelVersions(registry)));
