import { startFrontServer } from '../net/frontServer.js';
import type { UsageMeter } from './UsageMeter.js';

export interface MeterEndpoint {
  /** `GET` answers the meter's {@link UsageMeter.snapshot} as JSON */
  url: string;
  stop(): Promise<void>;
}

/**
 * The local cloud's meter on loopback for its own functions (`LOCAL_CLOUD_METER_URL`): what a
 * function that reports cost reads here in place of CloudWatch's usage metrics on AWS.
 *
 * @example
 * ```ts
 * const endpoint = await startMeterEndpoint(meter);
 * await (await fetch(endpoint.url)).json(); // UsageSnapshot
 * ```
 */
export async function startMeterEndpoint(meter: UsageMeter): Promise<MeterEndpoint> {
  const server = await startFrontServer(async (request, response) => {
    request.resume();
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(meter.snapshot()));
  });
  return { url: server.endpoint, stop: () => server.stop() };
}
