import type { PutOutcome } from '@sdp/shared-streams';
import type { EventStream } from '../adapters/eventStream.js';
import type { ImportStream, PlannedImport } from './planImport.js';

/**
 * Writes the rows of an import plan that go to a stream, the raw events and the clickstream at once,
 * and returns their outcomes in plan order, as `summarizeImport` takes them.
 */
export async function writeImport(
  plan: readonly PlannedImport[],
  streams: Readonly<Record<ImportStream, EventStream>>,
): Promise<PutOutcome[]> {
  const toWrite = plan.flatMap((item) => ('ok' in item && item.ok ? [item] : []));
  const written = await Promise.all(
    (['raw', 'clickstream'] as const).map(async (stream) => {
      const records = toWrite.filter((item) => item.stream === stream).map((item) => item.stamped.record);
      return records.length > 0 ? streams[stream].write(records) : [];
    }),
  );
  const next = { raw: 0, clickstream: 0 };
  return toWrite.map((item) => written[item.stream === 'raw' ? 0 : 1]![next[item.stream!]++]!);
}
