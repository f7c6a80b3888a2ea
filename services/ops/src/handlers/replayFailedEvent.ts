import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, InvalidRequestError, jsonResponse, readJsonBody, requireApiKey } from '@sdp/shared-http';
import { logger } from '@sdp/shared-runtime';
import { lambdaConsumer } from '../adapters/lambdaConsumer.js';
import { failedEventsTableFromEnv } from '../adapters/opsDeps.js';
import { replayFailedEvent } from '../domain/replayFailedEvent.js';

const deps = { table: failedEventsTableFromEnv(), invoke: lambdaConsumer(new LambdaClient({})), now: () => new Date() };

/** POST /failed-events/{failure_id}/replay: re-drive a failed record through its consumer (idempotent). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) => {
    const failureId = decodeURIComponent(event.pathParameters?.failure_id ?? '');
    const body = event.body ? readJsonBody(event, { maxBytes: 1_000_000 }) : {};
    if (
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body) ||
      Object.keys(body).some((key) => key !== 'data')
    ) {
      throw new InvalidRequestError(
        'Send no body to replay the stored record, or {"data": <corrected record>} to replay corrected data.',
      );
    }
    const result = await replayFailedEvent(failureId, body as { data?: unknown }, deps);
    logger.info('failed event replayed', { ...result });
    return jsonResponse(200, result);
  });
