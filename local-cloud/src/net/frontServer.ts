import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UpstreamAnswer } from './upstreamClient.js';

/** A front's HTTP server on loopback: where callers reach it, and how to stop it. */
export interface FrontServer {
  endpoint: string;
  /** Closes every connection and the server */
  stop(): Promise<void>;
}

/**
 * Starts an HTTP server on a free loopback port for a front of an emulator (the Kinesis and
 * DynamoDB group commits): connections kept alive longer than the callers' SDKs keep them, and a
 * request whose handling fails has its connection dropped, as a network error would.
 *
 * @example
 * ```ts
 * const front = await startFrontServer(async (request, response) => relayAnswer(response, await upstream.call(…)));
 * await front.stop();
 * ```
 */
export async function startFrontServer(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Promise<FrontServer> {
  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request's whole body. */
export function readWholeBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Passes the emulator's answer back whole, with its length (the emulator may have sent it in chunks). */
export function relayAnswer(response: ServerResponse, answer: UpstreamAnswer): void {
  const headers = { ...answer.headers, 'content-length': String(answer.body.length) };
  delete headers['transfer-encoding'];
  response.writeHead(answer.status, headers).end(answer.body);
}
