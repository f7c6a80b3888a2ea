/**
 * Which enriched record is the one copy of an event that counts. Enrich emits at least once (it
 * writes the enriched stream, then stores the join state), and a copy it emits again gets a new
 * sequence number. So the join state names, per event type, the record the stream stored for the
 * emission that the state records: `<shardId>:<sequenceNumber>`, set once by the save that stores
 * the event and never changed. Aggregate counts a record only when the state names it
 * (docs/adr/0019-counting-per-batch.md).
 */
export type CopyRef = string;

/** Marks an event whose state was stored before copies were named; its copies were counted then. */
export const LEGACY_COPY: CopyRef = 'legacy';

/**
 * @example
 * copyRefOf('shardId-000000000001', '49650123') // 'shardId-000000000001:49650123'
 */
export function copyRefOf(shardId: string, sequenceNumber: string): CopyRef {
  return `${shardId}:${sequenceNumber}`;
}
