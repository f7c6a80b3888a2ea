import { kinesisPayloadUnits } from '@sdp/shared-cost';
import { readWholeBody, relayAnswer, startFrontServer } from '../net/frontServer.js';
import { upstreamClient } from '../net/upstreamClient.js';
import type { Emulator } from '../emulators/types.js';

export interface KinesisMeter extends Emulator {
  /** The endpoint a caller uses so that what it puts is counted under `scope` */
  endpointFor(scope: string): string;
}

interface PutRecordEntry {
  Data?: string;
  PartitionKey?: string;
}

/**
 * A front for the local Kinesis that counts the PUT payload units each caller's writes use, as
 * Kinesis bills them: per record written, one unit per started 25 KB of its data and partition key.
 * A record the stream refused (a throttled entry of `PutRecords`, a failed `PutRecord`) is not
 * billed. Callers are told apart by the path of their endpoint (`/scope/<name>`), which is dropped
 * before the request goes on.
 *
 * @example
 * ```ts
 * const meter = await startKinesisMeter(kinesalite.writeEndpoint, (scope, units) => usage.add(scope, 'kinesisPutPayloadUnit', units));
 * // functions get AWS_ENDPOINT_URL_KINESIS = meter.endpointFor(functionName)
 * ```
 */
export async function startKinesisMeter(
  upstream: string,
  onPayloadUnits: (scope: string, units: number) => void,
): Promise<KinesisMeter> {
  const kinesis = upstreamClient(upstream);
  const front = await startFrontServer(async (request, response) => {
    const body = await readWholeBody(request);
    const scope = decodeURIComponent(/^\/scope\/([^/]+)/.exec(request.url ?? '')?.[1] ?? 'unattributed');
    const target = String(request.headers['x-amz-target'] ?? '');
    const answer = await kinesis.call(request.method ?? 'POST', '/', request.headers, body);
    if (answer.status === 200) onPayloadUnits(scope, payloadUnitsWritten(target, body, answer.body));
    relayAnswer(response, answer);
  });
  return {
    endpoint: front.endpoint,
    endpointFor: (scope) => `${front.endpoint}/scope/${encodeURIComponent(scope)}`,
    stop: async () => {
      await front.stop();
      kinesis.destroy();
    },
  };
}

/** The payload units of the records a successful PutRecord or PutRecords wrote (0 for any other call). */
export function payloadUnitsWritten(target: string, request: Buffer, answer: Buffer): number {
  const units = (entry: PutRecordEntry) =>
    kinesisPayloadUnits(Buffer.byteLength(entry.Data ?? '', 'base64') + Buffer.byteLength(entry.PartitionKey ?? ''));
  if (target.endsWith('.PutRecord')) return units(JSON.parse(request.toString('utf8')) as PutRecordEntry);
  if (!target.endsWith('.PutRecords')) return 0;
  const { Records: entries = [] } = JSON.parse(request.toString('utf8')) as { Records?: PutRecordEntry[] };
  const { Records: outcomes = [] } = JSON.parse(answer.toString('utf8')) as { Records?: { ErrorCode?: string }[] };
  return entries.reduce((sum, entry, index) => sum + (outcomes[index]?.ErrorCode ? 0 : units(entry)), 0);
}
