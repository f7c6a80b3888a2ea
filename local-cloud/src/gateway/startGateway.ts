import { contentType } from 'mime-types';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { FunctionTimeoutError } from '../functions/errors.js';
import { compileRoutes, matchRoute, type RouteDefinition } from './matchRoute.js';
import { resolveStaticPath, type StaticPathMatch, type StaticSiteMount } from './resolveStaticPath.js';
import { toHttpApiEvent } from './toHttpApiEvent.js';

/** API Gateway HTTP APIs refuse request bodies over 10 MB. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export type Invoke = (event: unknown) => Promise<unknown>;

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
 * `Allow`), both with the contract's `Error` body.
 */
export async function startGateway(options: {
  routes: RouteDefinition<Invoke>[];
  sites?: StaticSiteMount[];
  port: number;
}): Promise<Gateway> {
  const routes = compileRoutes(options.routes);
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
        if (found) return serveStatic(request, response, found, requestId);
      }
    }

    if (method === 'OPTIONS' && match.kind !== 'not_found') return send(response, 204, CORS_HEADERS, '');
    if (match.kind === 'not_found') {
      request.resume();
      return sendError(
        response,
        404,
        'not_found',
        `No route ${method} ${path}; see contracts/openapi.yaml for the API.`,
        requestId,
      );
    }
    if (match.kind === 'bad_path') {
      request.resume();
      return sendError(
        response,
        400,
        'invalid_request',
        `Cannot read ${match.detail}; encode it with encodeURIComponent.`,
        requestId,
      );
    }
    if (match.kind === 'method_not_allowed') {
      request.resume();
      const allow = match.allowed.join(', ');
      return sendError(response, 405, 'method_not_allowed', `${path} accepts ${allow}, not ${method}.`, requestId, {
        allow,
      });
    }

    const body = await readBody(request);
    if (body === undefined) {
      return sendError(
        response,
        413,
        'payload_too_large',
        `The request body is over ${MAX_REQUEST_BYTES} bytes.`,
        requestId,
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
): Promise<void> {
  request.resume();
  const method = request.method ?? 'GET';
  const requestPath = (request.url ?? '/').split('?', 1)[0]!;
  if (method !== 'GET' && method !== 'HEAD') {
    return sendError(
      response,
      405,
      'method_not_allowed',
      `${requestPath} is a static file; it accepts GET, HEAD, not ${method}.`,
      requestId,
      { allow: 'GET, HEAD' },
    );
  }
  if (found.kind === 'redirect') return send(response, 301, { location: found.location }, '');
  if (found.kind === 'bad_path') {
    return sendError(
      response,
      400,
      'invalid_request',
      `Cannot read ${found.detail}; encode it with encodeURIComponent.`,
      requestId,
    );
  }
  const file =
    found.kind === 'file' && (await stat(found.file).catch(() => undefined))?.isFile() ? found.file : undefined;
  if (!file) return sendError(response, 404, 'not_found', `No file ${requestPath} in the static site.`, requestId);
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

function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  send(
    response,
    status,
    { 'content-type': 'application/json', ...headers },
    JSON.stringify({ code, message, request_id: requestId }),
  );
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
