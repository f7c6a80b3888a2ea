import type { Logger } from '@aws-lambda-powertools/logger';
import type { Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { InvalidJsonError, StreamUnavailableError } from '../src/http/errors.js';
import { httpErrorHandler } from '../src/http/httpErrorHandler.js';

type HandlerRequest = Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;

/** A logger stand-in that keeps what was logged at error level. */
function recordingLogger(): { logger: Logger; errors: unknown[][] } {
  const errors: unknown[][] = [];
  return { logger: { error: (...args: unknown[]) => void errors.push(args) } as unknown as Logger, errors };
}

function failedRequest(error: unknown, requestId: string | null = 'apigw-req-1'): HandlerRequest {
  return {
    event: { requestContext: requestId === null ? undefined : { requestId } } as unknown as APIGatewayProxyEventV2,
    context: { awsRequestId: 'lambda-req-1' } as Context,
    response: null,
    error: error as Error,
    internal: {},
  };
}

function onError(logger: Logger, request: HandlerRequest): void {
  const middleware = httpErrorHandler({ logger });
  void middleware.onError!(request);
}

describe('httpErrorHandler', () => {
  it('answers a client error with its contract body and logs nothing', () => {
    // Prepare
    const { logger, errors } = recordingLogger();
    const request = failedRequest(new InvalidJsonError('Unexpected end of JSON input'));

    // Act
    onError(logger, request);

    // Assess
    expect({ response: request.response, errors }).toStrictEqual({
      response: {
        statusCode: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: 'invalid_json',
          message: 'The body is not valid JSON (Unexpected end of JSON input); send one JSON object.',
          request_id: 'apigw-req-1',
        }),
      },
      errors: [],
    });
  });

  it('logs an ApiError of status 500 or more with the request id', () => {
    // Prepare
    const { logger, errors } = recordingLogger();
    const error = new StreamUnavailableError(1);
    const request = failedRequest(error);

    // Act
    onError(logger, request);

    // Assess
    expect({ status: (request.response as { statusCode: number }).statusCode, errors }).toStrictEqual({
      status: 503,
      errors: [['request failed', { error, requestId: 'apigw-req-1' }]],
    });
  });

  it('logs an unexpected error and answers a generic 500 quoting the Lambda request id when the event has none', () => {
    // Prepare
    const { logger, errors } = recordingLogger();
    const error = new TypeError("Cannot read properties of undefined (reading 'tx_id')");
    const request = failedRequest(error, null);

    // Act
    onError(logger, request);

    // Assess
    expect({ response: request.response, errors }).toStrictEqual({
      response: {
        statusCode: 500,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: 'internal_error',
          message:
            'Something went wrong on our side and nothing was stored; retry, and quote request id lambda-req-1 if it persists.',
          request_id: 'lambda-req-1',
        }),
      },
      errors: [['request failed', { error, requestId: 'lambda-req-1' }]],
    });
  });
});
