import type { MiddlewareObj } from '@middy/core';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { ApiError } from './errors.js';
import { toErrorResponse } from './toErrorResponse.js';

/**
 * Middy middleware that answers every error with the contract's `Error` body (see `toErrorResponse`),
 * logging the ones the client did not cause. Register it first so it also sees other middlewares' errors.
 *
 * @example
 * middy(handler).use(httpErrorHandler({ logger }))
 */
export function httpErrorHandler(options: {
  logger: Logger;
}): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  return {
    onError: (request) => {
      const requestId = request.event?.requestContext?.requestId ?? request.context.awsRequestId;
      if (!(request.error instanceof ApiError) || request.error.statusCode >= 500) {
        options.logger.error('request failed', { error: request.error as Error, requestId });
      }
      request.response = toErrorResponse(request.error, requestId);
    },
  };
}
