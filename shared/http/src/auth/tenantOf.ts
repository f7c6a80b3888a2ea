import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The tenant of the key a request was let through with (`requireApiKey` puts it where a Lambda
 * authorizer would). Throws when the handler runs without `requireApiKey`: a wiring mistake, never
 * the caller's.
 *
 * @example
 * tenantOf(event) // 'acme'
 */
export function tenantOf(event: APIGatewayProxyEventV2): string {
  const tenant = (event.requestContext as { authorizer?: { lambda?: { tenant?: unknown } } }).authorizer?.lambda
    ?.tenant;
  if (typeof tenant !== 'string')
    throw new Error('No tenant in the request context: register requireApiKey before this handler.');
  return tenant;
}
