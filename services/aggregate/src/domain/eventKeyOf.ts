import type { EnrichedEvent } from './types.js';

/**
 * The key of the logical event an enriched record is: enrich emits at most one bid, one impression
 * and one click per transaction (ADR 0006), so every copy of one of them (a Kinesis re-delivery, or
 * a re-emission by enrich with a new sequence number) has the same key.
 *
 * @example
 * eventKeyOf({ tx_id: 'tx-42', type: 'imp', ... }) // 'tx-42#imp'
 */
export function eventKeyOf(event: Pick<EnrichedEvent, 'tx_id' | 'type'>): string {
  return `${event.tx_id}#${event.type}`;
}
