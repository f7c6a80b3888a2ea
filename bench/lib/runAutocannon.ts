import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface SingleEventRun {
  requestsPerSecondMean: number;
  requestsPerSecondMedian: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface SingleEventLoad {
  /** Of the body; JSON unless given */
  contentType?: string;
  /** Sent with every request, e.g. the API key */
  headers?: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

/**
 * autocannon against `POST <url>` with a JSON body in which every `[<id>]` becomes a fresh UUID per
 * request: autocannon rebuilds the request through `setupRequest`, a string replace per request, the
 * same cost for every target. (autocannon 8's own `idReplacement` declares a Content-Length for
 * 27-character ids but hyperid 3 makes 24-character ones, so servers wait for bytes that never come.)
 * Requests per second are autocannon's per-second samples of the measured window, without warm-up.
 */
export async function runAutocannon(url: string, body: string, load: SingleEventLoad): Promise<SingleEventRun> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': load.contentType ?? 'application/json', ...load.headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: body.replaceAll('[<id>]', randomUUID()) }) }],
    connections: load.connections,
    duration: load.durationSeconds,
    warmup: { connections: load.connections, duration: load.warmupSeconds },
  });
  return {
    requestsPerSecondMean: result.requests.mean,
    requestsPerSecondMedian: result.requests.p50,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
