import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { readWholeBody, startFrontServer } from '../net/frontServer.js';
import type { Emulator } from './types.js';

/** How the stream refuses writes: as a throttled shard does, or as an unavailable service does. */
export type WriteRefusal = 'throttle' | 'unavailable';

export interface KinesisFaultFront extends Emulator {
  /** Refuses PutRecord/PutRecords for `forMs` (reads keep working), to every stream or to `streamName` only; in effect at once. */
  refuseWrites(mode: WriteRefusal, forMs: number, streamName?: string): void;
  /** Ends a refusal early. */
  allowWrites(): void;
  /** Writes refused so far, by mode */
  readonly refused: Record<WriteRefusal, number>;
}

const WRITE_TARGETS = new Set(['Kinesis_20131202.PutRecord', 'Kinesis_20131202.PutRecords']);

/** Whether a request to the Kinesis API is a write, by its `X-Amz-Target`. */
export function isKinesisWrite(target: string | string[] | undefined): boolean {
  return typeof target === 'string' && WRITE_TARGETS.has(target);
}

/** The answer real Kinesis gives in each refusal mode. */
export function refusalAnswer(mode: WriteRefusal): { status: number; body: string } {
  return mode === 'throttle'
    ? {
        status: 400,
        body: JSON.stringify({
          __type: 'ProvisionedThroughputExceededException',
          message: 'Rate exceeded for shard in stream under account 000000000000.',
        }),
      }
    : {
        status: 503,
        body: JSON.stringify({
          __type: 'ServiceUnavailable',
          message: 'The service is unavailable. Please try again later.',
        }),
      };
}

/**
 * A pass-through HTTP front of the local Kinesis that can be told to refuse writes for a while, the
 * way a throttled or unavailable stream does: what backpressure tests drive. Functions reach
 * Kinesis through it when the local cloud starts with `kinesisFaults: true`.
 */
export async function startKinesisFaultFront(target: string): Promise<KinesisFaultFront> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let refusal: { mode: WriteRefusal; until: number; streamName?: string } | undefined;
  const refused: Record<WriteRefusal, number> = { throttle: 0, unavailable: 0 };

  /** Passes the request on, its body streamed, or `body` when it was read already. */
  const forward = (request: IncomingMessage, response: ServerResponse, body?: Buffer): void => {
    const proxied = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    proxied.on('error', () => response.destroy());
    if (body) proxied.end(body);
    else request.pipe(proxied);
  };

  const refuse = (mode: WriteRefusal, response: ServerResponse): void => {
    refused[mode]++;
    const { status, body } = refusalAnswer(mode);
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(body),
      'x-amzn-RequestId': 'local-fault',
    });
    response.end(body);
  };

  const server = await startFrontServer(async (request, response) => {
    if (refusal && Date.now() >= refusal.until) refusal = undefined;
    if (!refusal || !isKinesisWrite(request.headers['x-amz-target'])) return forward(request, response);
    const { mode, streamName } = refusal;
    const body = await readWholeBody(request);
    if (streamName === undefined || targetStreamOf(body) === streamName) return refuse(mode, response);
    forward(request, response, body);
  });
  return {
    endpoint: server.endpoint,
    refused,
    refuseWrites: (mode, forMs, streamName) =>
      void (refusal = { mode, until: Date.now() + forMs, ...(streamName === undefined ? {} : { streamName }) }),
    allowWrites: () => void (refusal = undefined),
    stop: async () => {
      await server.stop();
      agent.destroy();
    },
  };
}

/** The stream a PutRecord/PutRecords request writes to, by name or by ARN. */
function targetStreamOf(body: Buffer): string | undefined {
  const { StreamName, StreamARN } = JSON.parse(body.toString('utf8')) as { StreamName?: string; StreamARN?: string };
  return StreamName ?? StreamARN?.split('/').pop();
}
