import { contentType } from 'mime-types';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { FunctionTimeoutError } from '../functions/errors.js';
import { compileRoutes, matchRoute, type RouteDefinition } from './matchRoute.js';
import { resolveStaticPath, type StaticPathMatch, type StaticSiteMount } from './resolveStaticPath.js';
import { toHttpApiEvent } from './toHttpApiEvent.js';

/** API Gateway HTTP APIs refuse request bodies over 10 MB. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export type Invoke = (event: unknown) => Promise<unknown>;

/** An answer the gateway gives by itself, without a function: what went wrong, for the body of the answer. */
export interface GatewayError {
  status: 400 | 404 | 405 | 413;
  /**
   * `no_route`: no route and no static site file (404); `no_file`: a static site has no such file
   * (404); `unreadable_path`: a path parameter is not valid percent-encoding (400);
   * `method_not_allowed`: the path has routes, none for this method (405, with `Allow`);
   * `payload_too_large`: a body over 10 MB (413).
   */
  reason: 'no_route' | 'no_file' | 'unreadable_path' | 'method_not_allowed' | 'payload_too_large';
  /** What to fix, for people, e.g. `No route GET /nope.` */
  message: string;
  /** The request's `apigw-requestid` */
  requestId: string;
}

/** The JSON body of a {@link GatewayError}'s answer. */
export type GatewayErrorBody = (error: GatewayError) => unknown;

/** API Gateway's own body: `{"message":"Not Found"}`. */
export const apiGatewayErrorBody: GatewayErrorBody = ({ status }) => ({ message: STATUS_CODES[status] });

export interface Gateway {
  url: string;
  port: number;
  /** Requests answered, by status class, since start */
  stats: { requests: number; byStatus: Record<string, number> };
  /** Takes no new connections; requests already received are still answered */
  stopAccepting(): Promise<void>;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type,authorization,x-api-key',
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
};

/**
 * One HTTP server on loopback that mounts every `httpApi` route of every service and invokes the
 * routed function with API Gateway HTTP API (payload 2.0) semantics, and serves the files of every
 * static site under its path. Routes come first: a site only answers paths no route other than
 * `$default` claims. Unknown paths answer 404 and known paths with another method 405 (with
 * `Allow`), with the body `errorBody` makes (API Gateway's `{"message":"Not Found"}` by default).
 */
export async function startGateway(options: {
  routes: RouteDefinition<Invoke>[];
  sites?: StaticSiteMount[];
  port: number;
  errorBody?: GatewayErrorBody;
}): Promise<Gateway> {
  const routes = compileRoutes(options.routes);
  const errorBody = options.errorBody ?? apiGatewayErrorBody;
  const sendError = (response: ServerResponse, error: GatewayError, headers: Record<string, string> = {}): void =>
    send(response, error.status, { 'content-type': 'application/json', ...headers }, JSON.stringify(errorBody(error)));
  const stats: Gateway['stats'] = { requests: 0, byStatus: {} };

  const server = http.createServer((request, response) => {
    const requestId = randomUUID();
    response.setHeader('apigw-requestid', requestId);
    response.on('finish', () => {
      stats.requests++;
      const status = `${Math.floor(response.statusCode / 100)}xx`;
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    });
    void handle(request, response, requestId).catch((error: unknown) => {
      // A client that hung up before its request was read is gone: nothing to answer, no gateway fault.
      if (request.destroyed && !request.complete) return;
      send(response, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
      console.error('local gateway error', error);
    });
  });
  server.keepAliveTimeout = 65_000;

  async function handle(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const path = url.split('?', 1)[0]!;
    const match = matchRoute(routes, method === 'OPTIONS' ? 'GET' : method, path);
    if (match.kind === 'not_found' || (match.kind === 'matched' && match.route.routeKey === '$default')) {
      const search = url.slice(path.length);
      for (const site of options.sites ?? []) {
        const found = resolveStaticPath(site, path, search);
        if (found) return serveStatic(request, response, found, requestId, sendError);
      }
    }

    if (method === 'OPTIONS' && match.kind !== 'not_found') return send(response, 204, CORS_HEADERS, '');
    if (match.kind === 'not_found') {
      request.resume();
      return sendError(response, {
        status: 404,
        reason: 'no_route',
        message: `No route ${method} ${path}.`,
        requestId,
      });
    }
    if (match.kind === 'bad_path') {
      request.resume();
      const message = `Cannot read ${match.detail}; encode it with encodeURIComponent.`;
      return sendError(response, { status: 400, reason: 'unreadable_path', message, requestId });
    }
    if (match.kind === 'method_not_allowed') {
      request.resume();
      const allow = match.allowed.join(', ');
      const message = `${path} accepts ${allow}, not ${method}.`;
      return sendError(response, { status: 405, reason: 'method_not_allowed', message, requestId }, { allow });
    }

    const body = await readBody(request);
    if (body === undefined) {
      const message = `The request body is over ${MAX_REQUEST_BYTES} bytes.`;
      return sendError(
        response,
        { status: 413, reason: 'payload_too_large', message, requestId },
        { connection: 'close' },
      );
    }
    const event = toHttpApiEvent({
      method,
      url,
      headers: request.headers,
      body,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      routeKey: match.route.routeKey,
      pathParameters: match.pathParameters,
      requestId,
      now: new Date(),
    });
    let result: unknown;
    try {
      result = await match.route.target(event);
    } catch (error) {
      // What API Gateway answers when the integration fails or times out.
      return error instanceof FunctionTimeoutError
        ? send(response, 503, { 'content-type': 'application/json' }, '{"message":"Service Unavailable"}')
        : send(response, 500, { 'content-type': 'application/json' }, '{"message":"Internal Server Error"}');
    }
    sendResult(response, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the APIs' keys are this machine's, and nothing here is meant for the network.
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    url: `http://localhost:${port}`,
    port,
    stats,
    stopAccepting: async () => {
      if (server.listening) server.close();
      server.closeIdleConnections();
    },
    close: async () => {
      if (server.listening) server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Answers a request for a static site's file: GET and HEAD only, with the file's content type. */
async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  found: StaticPathMatch,
  requestId: string,
  sendError: (response: ServerResponse, error: GatewayError, headers?: Record<string, string>) => void,
): Promise<void> {
  request.resume();
  const method = request.method ?? 'GET';
  const requestPath = (request.url ?? '/').split('?', 1)[0]!;
  if (method !== 'GET' && method !== 'HEAD') {
    const message = `${requestPath} is a static file; it accepts GET, HEAD, not ${method}.`;
    return sendError(
      response,
      { status: 405, reason: 'method_not_allowed', message, requestId },
      { allow: 'GET, HEAD' },
    );
  }
  if (found.kind === 'redirect') return send(response, 301, { location: found.location }, '');
  if (found.kind === 'bad_path') {
    const message = `Cannot read ${found.detail}; encode it with encodeURIComponent.`;
    return sendError(response, { status: 400, reason: 'unreadable_path', message, requestId });
  }
  const file =
    found.kind === 'file' && (await stat(found.file).catch(() => undefined))?.isFile() ? found.file : undefined;
  if (!file) {
    const message = `No file ${requestPath} in the static site.`;
    return sendError(response, { status: 404, reason: 'no_file', message, requestId });
  }
  const body = await readFile(file);
  send(
    response,
    200,
    {
      'content-type': contentType(extname(file)) || 'application/octet-stream',
      'content-length': String(body.length),
      // Locally a restart rebuilds the site; never serve the previous build from the browser's cache.
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    },
    method === 'HEAD' ? '' : body,
  );
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) {
    // Read and drop the body before answering 413: a connection closed while the client still sends
    // is reset, and the client never sees the answer.
    return new Promise((resolve) => {
      request.once('end', () => resolve(undefined));
      request.once('error', () => resolve(undefined));
      request.resume();
    });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks, size)));
    request.on('error', reject);
  });
}

/** Maps a payload 2.0 Lambda result to the HTTP response, including the "no statusCode" shorthand. */
function sendResult(response: ServerResponse, result: unknown): void {
  const structured = typeof result === 'object' && result !== null && 'statusCode' in result;
  if (!structured) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return send(response, 200, { 'content-type': 'application/json' }, body);
  }
  const {
    statusCode,
    headers = {},
    body = '',
    isBase64Encoded,
    cookies,
  } = result as {
    statusCode: number;
    headers?: Record<string, string | number | boolean>;
    body?: string;
    isBase64Encoded?: boolean;
    cookies?: string[];
  };
  const outgoing: Record<string, string | string[]> = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, String(v)]),
  );
  if (cookies?.length) outgoing['set-cookie'] = cookies;
  send(response, statusCode, outgoing, isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body: string | Buffer,
): void {
  response.writeHead(status, headers);
  response.end(body);
}
