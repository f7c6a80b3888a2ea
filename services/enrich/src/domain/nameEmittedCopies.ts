import { copyRefOf, type PutOutcome } from '@sdp/shared-streams';
import type { JoinedBatch } from './joinBatch.js';
import { transactionKeyOf } from './transactionKeyOf.js';
import type { JoinState } from './types.js';

/**
 * The states to store, each naming in `emitted` the enriched record that is THE copy of every event
 * it emitted in this batch: the shard and sequence number the enriched stream answered for that
 * emission (`outcomes[i]` answers `emits[i]`). Enrich emits at least once, so a copy emitted by an
 * attempt whose state was not stored is never named; the save of these states is what makes the
 * named copies the counted ones. An emission happens only for an event the loaded state had not
 * emitted, so a ref, once stored, is never replaced.
 *
 * Give it only states whose every emission the stream accepted; a refused one names nothing.
 *
 * @example
 * nameEmittedCopies([state], [{ index: 0, event: bidOfTx1 }], [{ ok: true, shardId: 'shardId-000000000001', sequenceNumber: '4965' }])
 * // [{ ...state, emitted: { bid: 'shardId-000000000001:4965' } }]
 */
export function nameEmittedCopies(
  states: readonly JoinState[],
  emits: JoinedBatch['emits'],
  outcomes: readonly PutOutcome[],
): JoinState[] {
  const named = new Map(states.map((state) => [state.tx_id, { ...state, emitted: { ...state.emitted } }]));
  emits.forEach(({ event }, i) => {
    const outcome = outcomes[i];
    const state = named.get(transactionKeyOf(event));
    if (state && outcome?.ok) state.emitted[event.type] = copyRefOf(outcome.shardId, outcome.sequenceNumber);
  });
  return [...named.values()];
}
