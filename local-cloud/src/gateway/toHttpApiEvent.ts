import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { IncomingHttpHeaders } from 'node:http';

const TEXT_MEDIA_TYPE = /^(?:text\/|application\/(?:[\w.+-]*json|xml|javascript|x-www-form-urlencoded))/i;

/**
 * An API Gateway HTTP API payload format 2.0 event for one request, as the Lambda integration
 * sends it: lower-case headers with repeated values joined by commas, cookies apart, repeated query
 * parameters joined by commas, and binary bodies base64-encoded.
 */
export function toHttpApiEvent(request: {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  routeKey: string;
  pathParameters: Record<string, string>;
  requestId: string;
  now: Date;
}): APIGatewayProxyEventV2 {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = request.headers.cookie?.split(/;\s*/).filter(Boolean);
  const binary = request.body.length > 0 && !TEXT_MEDIA_TYPE.test(headers['content-type'] ?? '');
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey: request.routeKey,
      stage: '$default',
      time: apiGatewayTime(request.now),
      timeEpoch: request.now.getTime(),
    },
    isBase64Encoded: binary,
  };
  if (cookies?.length) event.cookies = cookies;
  if (rawQueryString) event.queryStringParameters = parseQuery(rawQueryString);
  if (Object.keys(request.pathParameters).length > 0) event.pathParameters = request.pathParameters;
  if (request.body.length > 0) event.body = request.body.toString(binary ? 'base64' : 'utf8');
  return event;
}

function parseQuery(rawQueryString: string): Record<string, string> {
  const parameters = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const previous = parameters.get(name);
    parameters.set(name, previous === undefined ? value : `${previous},${value}`);
  }
  // fromEntries defines own properties, so names like __proto__ stay plain parameters.
  return Object.fromEntries(parameters);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's request time format, e.g. `12/Mar/2020:19:03:58 +0000`. */
function apiGatewayTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
