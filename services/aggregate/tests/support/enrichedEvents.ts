import { copyRefOf, type KinesisRecordText } from '@sdp/shared-streams';
import type { EmittedCopies, EnrichedEvent } from '../../src/domain/types.js';

/** Record factories for aggregate tests, with the field names of the `EnrichedEvent` contract. */

export const SHARD_0 = 'shardId-000000000000';
export const SHARD_1 = 'shardId-000000000001';

/** A realistic 56-digit Kinesis sequence number that grows with `n`. */
export function sequenceOf(n: number): string {
  return `4959033827149025660855969253836157109592157598913658${String(n).padStart(4, '0')}`;
}

/** A valid UUID that tells which number it was made for. */
export function eventIdOf(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function enrichedEvent(overrides: Partial<EnrichedEvent> = {}): EnrichedEvent {
  const type = overrides.type ?? 'bid';
  return {
    schema_version: 1,
    type,
    event_id: eventIdOf(0),
    event_time: '2026-11-22T04:05:06.789Z',
    tx_id: 'tx-0001',
    app_uid: 'user-42',
    campaign_item_id: 1463517,
    domain: 'news.example.com',
    creative_id: 'creative-0-1',
    creative_category: 'finance',
    ...(type === 'imp' ? { win_price: 1250 } : {}),
    ...overrides,
  };
}

/** The stream record at position `n` of a shard, carrying `data` (an event, or raw text). */
export function sourceRecord(n: number, data: EnrichedEvent | string, shardId = SHARD_0): KinesisRecordText {
  return { shardId, sequenceNumber: sequenceOf(n), data: typeof data === 'string' ? data : JSON.stringify(data) };
}

/**
 * A join-state reader that names, for each transaction, the records given as its counted copies
 * (as enrich does when it stores its state); `name` adds names later, as enrich's save landing.
 */
export function fakeCanonicalCopies(records: readonly KinesisRecordText[] = []) {
  const named = new Map<string, EmittedCopies>();
  const reads: string[][] = [];
  const name = (...toName: KinesisRecordText[]) => {
    for (const record of toName) {
      const event = JSON.parse(record.data) as EnrichedEvent;
      named.set(event.tx_id, {
        ...named.get(event.tx_id),
        [event.type]: copyRefOf(record.shardId, record.sequenceNumber),
      });
    }
  };
  name(...records);
  return {
    reads,
    name,
    nameLegacy(txId: string, type: EnrichedEvent['type']) {
      named.set(txId, { ...named.get(txId), [type]: 'legacy' });
    },
    async load(txIds: readonly string[]) {
      reads.push([...txIds]);
      return new Map(txIds.flatMap((txId) => (named.has(txId) ? [[txId, named.get(txId)!] as const] : [])));
    },
  };
}
