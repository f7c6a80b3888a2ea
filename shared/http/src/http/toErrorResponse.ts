import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ApiError } from './errors.js';
import { jsonResponse } from './jsonResponse.js';

/**
 * The one place where an error becomes an HTTP response with the contract's `Error` body.
 * Errors that are not an `ApiError` are bugs or outages: the client gets a generic 500 with the
 * request id to quote, never a message or a stack trace.
 *
 * @example
 * toErrorResponse(new InvalidJsonError('Unexpected end of JSON input'), 'req-1')
 * // { statusCode: 400, body: '{"code":"invalid_json",...,"request_id":"req-1"}', ... }
 */
export function toErrorResponse(error: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof ApiError) {
    const body = {
      code: error.code,
      message: error.message,
      request_id: requestId,
      ...(error.violations ? { violations: error.violations } : {}),
    };
    return jsonResponse(error.statusCode, body, error.headers);
  }
  return jsonResponse(500, {
    code: 'internal_error',
    message: `Something went wrong on our side and nothing was stored; retry, and quote request id ${requestId} if it persists.`,
    request_id: requestId,
  });
}
