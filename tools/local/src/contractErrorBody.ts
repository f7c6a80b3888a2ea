import type { GatewayError } from '@sdp/local-cloud';
import type { ErrorCode } from '@sdp/shared-http';

const CODES: Record<GatewayError['reason'], ErrorCode> = {
  no_route: 'not_found',
  no_file: 'not_found',
  unreadable_path: 'invalid_request',
  method_not_allowed: 'method_not_allowed',
  payload_too_large: 'payload_too_large',
};

/**
 * The contract's `Error` body for the answers the local gateway gives by itself, so that every
 * answer of the platform has one shape (contracts/openapi.yaml). On AWS each service has an HTTP API
 * of its own and API Gateway answers these with `{"message":"Not Found"}`.
 *
 * @example
 * contractErrorBody({ status: 404, reason: 'no_route', message: 'No route GET /nope.', requestId: 'r-1' })
 * // { code: 'not_found', message: 'No route GET /nope. See contracts/openapi.yaml for the API.', request_id: 'r-1' }
 */
export function contractErrorBody({ reason, message, requestId }: GatewayError): {
  code: ErrorCode;
  message: string;
  request_id: string;
} {
  const hint = reason === 'no_route' ? ' See contracts/openapi.yaml for the API.' : '';
  return { code: CODES[reason], message: `${message}${hint}`, request_id: requestId };
}
