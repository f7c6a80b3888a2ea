import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FunctionError } from '../functions/errors.js';
import type { Emulator } from './types.js';

/** Lambda's synchronous payload limit. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export interface LambdaLocalOptions {
  port: number;
  /** Runs one invocation of a local function by name; undefined when there is no such function */
  invoke(functionName: string, event: unknown): Promise<unknown> | undefined;
}

/**
 * The local counterpart of Lambda's `Invoke` API (`POST /2015-03-31/functions/{name}/invocations`,
 * RequestResponse), answering as Lambda does: 200 with the result, or 200 with
 * `X-Amz-Function-Error: Unhandled` and `{errorType, errorMessage}` when the handler failed, and
 * 404 `ResourceNotFoundException` for an unknown function. Functions reach it through
 * `AWS_ENDPOINT_URL_LAMBDA`, so a function that invokes another runs the same code as on AWS.
 */
export async function startLambdaLocal(options: LambdaLocalOptions): Promise<Emulator> {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?', 1)[0]!;
    const match = INVOKE_PATH.exec(path);
    const body = await readBody(request);
    if (request.method !== 'POST' || !match)
      return send(response, 404, 'UnknownOperationException', {
        message: `The local Lambda has no ${request.method} ${path}.`,
      });
    if (body === undefined)
      return send(response, 413, 'RequestTooLargeException', {
        message: `Request must be smaller than ${MAX_PAYLOAD_BYTES} bytes for the InvokeFunction operation`,
      });
    const name = decodeURIComponent(match[1]!).split(':function:').pop()!.split(':', 1)[0]!;
    let event: unknown;
    try {
      event = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return send(response, 400, 'InvalidRequestContentException', {
        message: 'Could not parse request body into json',
      });
    }
    const running = options.invoke(name, event);
    if (!running)
      return send(response, 404, 'ResourceNotFoundException', { Type: 'User', message: `Function not found: ${name}` });
    try {
      const result = await running;
      return send(response, 200, undefined, result ?? null);
    } catch (error) {
      const errorType = error instanceof FunctionError ? error.errorType : (error as Error).name;
      return send(
        response,
        200,
        undefined,
        { errorType, errorMessage: functionMessage(error as Error) },
        { 'X-Amz-Function-Error': 'Unhandled' },
      );
    }
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: Error) =>
      send(response, 500, 'ServiceException', { message: error.message }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The handler's own message: FunctionError prefixes it with the function and error names. */
function functionMessage(error: Error): string {
  const match = /^[^:]+ failed: [^:]+: ([\s\S]*)$/.exec(error.message);
  return match ? match[1]! : error.message;
}

function send(
  response: ServerResponse,
  status: number,
  errorType: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : { 'X-Amz-Executed-Version': '$LATEST' }),
    ...headers,
  });
  response.end(text);
}

/** The body, or undefined when it is over Lambda's payload limit (the rest is drained). */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= MAX_PAYLOAD_BYTES ? Buffer.concat(chunks, size) : undefined));
    request.on('error', reject);
  });
}
