import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { ApiError, httpErrorHandler, logger, readJsonBody, toViolations, validatePredictionRequest, ValidationFailedError } from '@sdp/shared';

/**
 * POST /predictions. Validates the request; until the model endpoint lands (predictions issue) it
 * answers 503 rather than make up a score.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(httpErrorHandler({ logger }))
  .handler(async (event) => {
    const body = readJsonBody(event, { maxBytes: 64 * 1024 });
    if (!validatePredictionRequest(body)) {
      throw new ValidationFailedError('prediction request', toViolations(validatePredictionRequest.errors));
    }
    throw new ApiError(503, 'model_unavailable', 'No model endpoint is configured yet, so no prediction can be made; retry later.', {
      headers: { 'Retry-After': '60' },
    });
  });
