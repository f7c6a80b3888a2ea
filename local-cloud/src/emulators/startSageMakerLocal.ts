import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { EmulatorStartError } from '../errors.js';
import { MAX_INVOCATION_BYTES } from './sageMaker/constants.js';
import { SageMakerApiError } from './sageMaker/errors.js';
import { invokeEndpoint } from './sageMaker/invokeEndpoint.js';
import type { Input } from './sageMaker/readInput.js';
import { SageMakerControlPlane } from './sageMaker/SageMakerControlPlane.js';
import type { ModelRuntimes } from './sageMaker/types.js';
import type { Emulator, EmulatorOptions } from './types.js';

export interface SageMakerLocalOptions extends EmulatorOptions {
  /** Where buckets are, one directory each: a model's `s3://bucket/key` is `<objectStoreDir>/bucket/key` */
  objectStoreDir: string;
  /** How long CreateEndpoint/UpdateEndpoint stay Creating/Updating before the models load; 0 by default */
  deployDelayMs?: number;
  /** What loads and answers for each container image, in place of the image; none: every deployment fails */
  modelRuntimes?: ModelRuntimes;
  log?: (message: string) => void;
}

/** The local SageMaker, which tests can tell to fail invocations for a while, as an endpoint that is down does. */
export interface SageMakerLocal extends Emulator {
  /** Answers every InvokeEndpoint with 503 ServiceUnavailable for `forMs` (the control plane keeps working); in effect at once. */
  refuseInvocations(forMs: number): void;
  /** Invocations refused so far */
  readonly refusedInvocations: number;
  /** Makes later CreateEndpoint/UpdateEndpoint stay Creating/Updating for `ms` before their models load, as AWS's take minutes */
  delayDeployments(ms: number): void;
}

const MAX_CONTROL_PLANE_BYTES = 1024 * 1024;
const INVOCATIONS_PATH = /^\/endpoints\/([^/]+)\/invocations$/;

/**
 * Starts the local counterpart of SageMaker hosting on 127.0.0.1, on one port for both APIs:
 *
 * - the control plane (AWS JSON 1.1, `POST /` with `X-Amz-Target: SageMaker.<Operation>`): models,
 *   endpoint configurations and endpoints, kept under `dataDir` across restarts;
 * - the runtime (`POST /endpoints/{EndpointName}/invocations`, what InvokeEndpoint sends), which
 *   answers with the artifact at each model's `ModelDataUrl`, read from the local object store and
 *   loaded by the model runtime of the model's image (`modelRuntimes`: it runs no containers).
 *
 * Point the SDK at it with `AWS_ENDPOINT_URL_SAGEMAKER` and `AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME`.
 *
 * @example
 * ```ts
 * const sageMaker = await startSageMakerLocal({ port: await freePort(), dataDir: '.data/local/sagemaker', objectStoreDir: '.data/local/s3', modelRuntimes: { '*': runtime } });
 * const runtime = new SageMakerRuntimeClient({ endpoint: sageMaker.endpoint });
 * await sageMaker.stop();
 * ```
 */
export const startSageMakerLocal = async (options: SageMakerLocalOptions): Promise<SageMakerLocal> => {
  const { port, dataDir, log = () => undefined } = options;
  await mkdir(dataDir, { recursive: true });
  const controlPlane = await SageMakerControlPlane.open({
    dataDir,
    objectStoreDir: options.objectStoreDir,
    deployDelayMs: options.deployDelayMs ?? 0,
    modelRuntimes: options.modelRuntimes ?? {},
    log,
  });
  let refusingUntil = 0;
  let refusedInvocations = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?', 1)[0]!;
    const invocation = INVOCATIONS_PATH.exec(path);
    if (request.method === 'POST' && path === '/') {
      const target = String(request.headers['x-amz-target'] ?? '');
      const input = parseJsonInput(await readBody(request, MAX_CONTROL_PLANE_BYTES));
      if (!target.startsWith('SageMaker.'))
        throw new SageMakerApiError(
          'UnknownOperationException',
          `X-Amz-Target '${target}' is not a SageMaker operation.`,
        );
      const output = await controlPlane.call(target.slice('SageMaker.'.length), input);
      return send(response, 200, { 'content-type': 'application/x-amz-json-1.1' }, JSON.stringify(output));
    }
    if (request.method === 'POST' && invocation) {
      const endpointName = decodeURIComponent(invocation[1]!);
      const body = await readBody(request, MAX_INVOCATION_BYTES);
      if (Date.now() < refusingUntil) {
        refusedInvocations++;
        throw new SageMakerApiError(
          'ServiceUnavailable',
          `Endpoint ${endpointName} is unavailable; try again later.`,
          503,
        );
      }
      const answer = await invokeEndpoint(
        controlPlane.deploymentOf(endpointName),
        {
          endpointName,
          contentType: request.headers['content-type'],
          targetVariant: header(request, 'x-amzn-sagemaker-target-variant'),
          body: body.toString('utf8'),
        },
        options.modelRuntimes ?? {},
      );
      return send(response, answer.statusCode, answer.headers, answer.body);
    }
    request.resume();
    throw new SageMakerApiError(
      'UnknownOperationException',
      `The local SageMaker has no ${request.method} ${path}.`,
      404,
    );
  };

  const server = http.createServer((request, response) => {
    response.setHeader('x-amzn-RequestId', randomUUID());
    handle(request, response).catch((error: unknown) => {
      if (!(error instanceof SageMakerApiError)) log(`SageMaker: ${request.method} ${request.url}: ${String(error)}`);
      const apiError =
        error instanceof SageMakerApiError
          ? error
          : new SageMakerApiError('InternalFailure', 'The local SageMaker failed; see its log.', 500);
      const body = { __type: apiError.type, message: apiError.message, Message: apiError.message, ...apiError.fields };
      send(
        response,
        apiError.statusCode,
        { 'content-type': 'application/json', 'x-amzn-ErrorType': apiError.type },
        JSON.stringify(body),
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  await listen(server, port);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    refuseInvocations: (forMs) => void (refusingUntil = Date.now() + forMs),
    delayDeployments: (ms) => void (controlPlane.deployDelayMs = ms),
    get refusedInvocations() {
      return refusedInvocations;
    },
    stop: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await controlPlane.close();
    },
  };
};

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The body, or a ValidationError when it is larger than `maxBytes` (the rest is drained). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size <= maxBytes) return resolve(Buffer.concat(chunks, size));
      reject(
        new SageMakerApiError(
          'ValidationError',
          `The request body is ${size} bytes; the local SageMaker takes at most ${maxBytes}.`,
          413,
        ),
      );
    });
    request.on('error', reject);
  });
}

function parseJsonInput(body: Buffer): Input {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Input;
  } catch {
    // answered below
  }
  throw new SageMakerApiError('SerializationException', 'The request body must be one JSON object (AWS JSON 1.1).');
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const listen = (server: http.Server, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error): void =>
      reject(new EmulatorStartError('local SageMaker', error.message, { cause: error }));
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
