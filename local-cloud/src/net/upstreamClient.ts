import http, { type IncomingHttpHeaders } from 'node:http';

/** A whole answer from the upstream: status, headers and the body read to its end. */
export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface UpstreamClient {
  /** One request with a whole body; resolves with the whole answer. */
  call(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<UpstreamAnswer>;
  /** Closes the kept-alive connections. */
  destroy(): void;
}

/**
 * Keep-alive HTTP requests to the emulator behind a front (the Kinesis group commit, the DynamoDB
 * meter): each call sends a whole body and reads the whole answer.
 *
 * @example
 * ```ts
 * const upstream = upstreamClient('http://127.0.0.1:4567');
 * const answer = await upstream.call('POST', '/', request.headers, body);
 * ```
 */
export function upstreamClient(target: string): UpstreamClient {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return {
    call: (method, path, headers, body) =>
      new Promise((resolve, reject) => {
        const request = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method,
            path,
            headers: { ...headers, host: upstream.host, 'content-length': String(body.length) },
            agent,
          },
          (answer) => {
            const chunks: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => chunks.push(chunk));
            answer.on('end', () =>
              resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }),
            );
            answer.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      }),
    destroy: () => agent.destroy(),
  };
}
