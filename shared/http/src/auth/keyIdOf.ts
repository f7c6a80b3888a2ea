import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The id of the key a request was let through with (`requireApiKey` puts it beside the tenant), for
 * records of who asked. Throws when the handler runs without `requireApiKey`: a wiring mistake.
 *
 * @example
 * keyIdOf(event) // '3f9c2a71b0d4'
 */
export function keyIdOf(event: APIGatewayProxyEventV2): string {
  const keyId = (event.requestContext as { authorizer?: { lambda?: { key_id?: unknown } } }).authorizer?.lambda?.key_id;
  if (typeof keyId !== 'string')
    throw new Error('No key id in the request context: register requireApiKey before this handler.');
  return keyId;
}
