import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PipelineBusyError } from '../eventSources/waitForIdle.js';
import type { LocalCloud } from '../startLocalCloud.js';

/** What `GET /` of the control server answers: where everything is. */
export interface LocalCloudDescription {
  url: string;
  /** What the `afterStart` hook gave (`LocalCloud.extras`) */
  extras: Record<string, string>;
  dataDir: string;
  kinesisEndpoint: string;
  dynamoDbEndpoint: string;
  sageMakerEndpoint: string;
  lambdaEndpoint: string;
  objectStoreDir: string;
  destinationsDir: string;
  /** Stack outputs by service, as serverless-compose.yml passes them on */
  outputs: Record<string, Record<string, string>>;
  functions: string[];
  pid: number;
}

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A small HTTP API on loopback for programs that drive a local cloud running in another process
 * (tests sharing one cloud, benchmarks): where everything is, waiting until the pipeline is idle,
 * the stream triggers' counters, and what the cloud's processes use. Functions are invoked through
 * the cloud's own Lambda endpoint.
 *
 * - `GET /` → {@link LocalCloudDescription}
 * - `POST /wait-for-idle?timeoutMs=N` → 204 once idle ({@link LocalCloud.waitForIdle}), 504 when not within N ms
 * - `GET /mappings` → `[{ functionName, stats }]`
 * - `GET /usage` → `{ residentBytes, cpuSeconds, instances, functions: { [name]: { instances, busy } } }`
 * - `GET /meter` → what AWS would bill for the work done so far, in AWS's units (`UsageSnapshot` of metering/UsageMeter.ts)
 *
 * @example
 * ```ts
 * const control = await startControlServer(cloud);
 * await fetch(`${control.url}/wait-for-idle`, { method: 'POST' });
 * ```
 */
export async function startControlServer(cloud: LocalCloud, options: { port?: number } = {}): Promise<ControlServer> {
  const describe = (): LocalCloudDescription => ({
    url: cloud.url,
    extras: { ...cloud.extras },
    dataDir: cloud.dataDir,
    kinesisEndpoint: cloud.kinesisEndpoint,
    dynamoDbEndpoint: cloud.dynamoDbEndpoint,
    sageMakerEndpoint: cloud.sageMakerEndpoint,
    lambdaEndpoint: cloud.lambdaEndpoint,
    objectStoreDir: cloud.objectStoreDir,
    destinationsDir: cloud.destinationsDir,
    outputs: Object.fromEntries(cloud.project.outputs),
    functions: cloud.project.functions.map((fn) => fn.name),
    pid: process.pid,
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    request.resume();
    const url = new URL(request.url ?? '/', 'http://control');
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /') return send(response, 200, describe());
    if (route === 'GET /mappings')
      return send(
        response,
        200,
        cloud.mappings.map(({ functionName, mapping }) => ({ functionName, stats: mapping.stats() })),
      );
    if (route === 'GET /usage') {
      const functions = Object.fromEntries(
        [...cloud.pools].map(([name, pool]) => [name, { instances: pool.size, busy: pool.busy }]),
      );
      const instances = Object.values(functions).reduce((sum, fn) => sum + fn.instances, 0);
      return send(response, 200, { ...(await cloud.usage()), instances, functions });
    }
    if (route === 'GET /meter') return send(response, 200, cloud.meter.snapshot());
    if (route === 'POST /wait-for-idle') {
      const timeoutMs = Number(url.searchParams.get('timeoutMs') ?? 360_000);
      try {
        await cloud.waitForIdle({ timeoutMs });
        return send(response, 204);
      } catch (error) {
        if (error instanceof PipelineBusyError)
          return send(response, 504, { code: 'pipeline_busy', message: error.message });
        throw error;
      }
    }
    return send(response, 404, {
      code: 'not_found',
      message: `No control route ${route}; the routes are GET /, GET /mappings, GET /usage, GET /meter, POST /wait-for-idle.`,
    });
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: Error) =>
      send(response, 500, { code: 'internal_error', message: error.message }),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  response
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    .end(text);
}
