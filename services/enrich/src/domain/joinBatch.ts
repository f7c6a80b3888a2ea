import { applyEvent } from './applyEvent.js';
import { transactionKeyOf } from './transactionKeyOf.js';
import type { EnrichedEvent, EventEnvelope, JoinSettings, JoinState } from './types.js';

export interface JoinedBatch {
  /** The new state of every transaction the batch changed, by its key (`transactionKeyOf`) */
  changed: Map<string, JoinState>;
  /**
   * What to emit, in stream order, each with the index of the raw record that caused it; each
   * event's `tx_id` and `type` say which transaction's copy of which event it is
   */
  emits: { index: number; event: EnrichedEvent }[];
  /** Events of a type their transaction already had (re-deliveries and copies): they changed nothing */
  duplicates: number;
}

/**
 * Applies a batch of raw events, in stream order, to the states of their transactions (`loaded`,
 * as stored before the batch). Pure and deterministic: applying the same batch to the same stored
 * states always gives the same emissions, which is what makes a retried batch safe. A transaction
 * that only got events it already had is not in `changed`, so nothing is written for it.
 *
 * @example
 * const { changed, emits, duplicates } = joinBatch(envelopes, await table.load(txIds), settings);
 */
export function joinBatch(
  envelopes: readonly { index: number; envelope: EventEnvelope }[],
  loaded: ReadonlyMap<string, JoinState>,
  settings: JoinSettings,
): JoinedBatch {
  const current = new Map(loaded);
  const changed = new Map<string, JoinState>();
  const emits: JoinedBatch['emits'] = [];
  let duplicates = 0;
  for (const { index, envelope } of envelopes) {
    const txId = transactionKeyOf({ tenant: envelope.tenant, tx_id: envelope.data.tx_id });
    const before = current.get(txId);
    const { state, emit } = applyEvent(before, envelope, settings);
    if (state === before) {
      duplicates++;
      continue;
    }
    current.set(txId, state);
    changed.set(txId, state);
    for (const event of emit) emits.push({ index, event });
  }
  return { changed, emits, duplicates };
}
