import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { handleInvocation, MODEL_FILE_NAME, parseLinearModel, type LinearModel } from '@sdp/shared-model';

/** SageMaker real-time endpoints take at most 6 MB per request. */
const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

export interface ModelServerOptions {
  /** Where SageMaker extracted model.tar.gz (`/opt/ml/model`) */
  modelDir: string;
  port: number;
  /** 0.0.0.0 in the container, as SageMaker requires */
  host: string;
}

export interface ModelServer {
  url: string;
  model: LinearModel;
  close(): Promise<void>;
}

/**
 * SageMaker's container contract for the bid-win model: loads `<modelDir>/model.json` (throwing
 * `InvalidModelArtifactError` if it cannot be served) before it listens, then answers
 * `GET /ping` with 200 and `POST /invocations` with `handleInvocation`, the same answers the local
 * SageMaker gives.
 *
 * @example
 * const server = await startModelServer({ modelDir: '/opt/ml/model', port: 8080, host: '0.0.0.0' });
 */
export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const file = path.join(options.modelDir, MODEL_FILE_NAME);
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const model = parseLinearModel(value, file);

  const server = http.createServer((request, response) => {
    route(model, request, response).catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'ERROR', message: 'invocation failed', error: String(error) }));
      send(response, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'The model server failed; see its log.');
    });
  });
  // SageMaker keeps connections to the container open between requests.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
    model,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}

async function route(model: LinearModel, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?', 1)[0];
  if (request.method === 'GET' && path === '/ping') {
    request.resume();
    return send(
      response,
      200,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ status: 'ok', model_version: model.version }),
    );
  }
  if (request.method === 'POST' && path === '/invocations') {
    const body = await readBody(request);
    if (body === undefined)
      return send(
        response,
        413,
        { 'Content-Type': 'text/plain; charset=utf-8' },
        `The body is over ${MAX_REQUEST_BYTES} bytes.`,
      );
    const answer = handleInvocation(model, { contentType: request.headers['content-type'], body });
    return send(response, answer.statusCode, answer.headers, answer.body);
  }
  request.resume();
  send(
    response,
    404,
    { 'Content-Type': 'text/plain; charset=utf-8' },
    'This container answers GET /ping and POST /invocations.',
  );
}

/** The body as text, or `undefined` when it is larger than SageMaker allows. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks, size).toString('utf8')),
    );
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(body);
}
