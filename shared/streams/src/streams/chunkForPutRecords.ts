import type { StreamRecord } from './types.js';

/** Kinesis PutRecords limits: 500 records and 5 MiB (data plus partition keys) per call. */
export const PUT_RECORDS_MAX_COUNT = 500;
export const PUT_RECORDS_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Splits items into PutRecords-sized calls, keeping their order.
 *
 * @example
 * chunkForPutRecords([0, 1, 2], (i) => records[i]) // [[0, 1, 2]] when they fit one call
 */
export function chunkForPutRecords<T>(items: readonly T[], recordOf: (item: T) => StreamRecord): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const record = recordOf(item);
    const size = record.data.byteLength + Buffer.byteLength(record.partitionKey, 'utf8');
    if (current.length > 0 && (current.length === PUT_RECORDS_MAX_COUNT || bytes + size > PUT_RECORDS_MAX_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
