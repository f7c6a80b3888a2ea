import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { LEGACY_COPY } from '@sdp/shared-streams';
import type { EmittedCopies } from '../domain/types.js';

/**
 * The join-state table's item layout as other services read it (aggregate reads which copy of each
 * event counts). One item per transaction, keyed by its `transactionKeyOf`; `emitted` is a map of
 * event type → `CopyRef`, written by `dynamoDbJoinStateTable` (docs/adr/0019-counting-per-batch.md).
 */
export const JOIN_STATE_ATTRIBUTES = { key: 'tx_id', emitted: 'emitted' } as const;

/**
 * The key of a transaction's join-state item.
 *
 * @example
 * joinStateKeyOf('acme/tx-1') // { tx_id: { S: 'acme/tx-1' } }
 */
export function joinStateKeyOf(transactionKey: string): Record<string, AttributeValue> {
  return { [JOIN_STATE_ATTRIBUTES.key]: { S: transactionKey } };
}

/** A state without `emitted` was stored before copies were named: its emissions were counted then. */
const COUNTED_BEFORE: EmittedCopies = { bid: LEGACY_COPY, imp: LEGACY_COPY, click: LEGACY_COPY };

/**
 * The counted copies a stored item names (read with at least `JOIN_STATE_ATTRIBUTES`): a type
 * without an entry was not emitted yet. An item without `emitted` was stored before copies were
 * named, so every type is `LEGACY_COPY` (counted then).
 *
 * @example
 * emittedCopiesOf({ tx_id: { S: 'tx-1' }, emitted: { M: { bid: { S: 'shardId-000000000000:4965' } } } })
 * // { bid: 'shardId-000000000000:4965' }
 */
export function emittedCopiesOf(item: Record<string, AttributeValue>): EmittedCopies {
  const value = item[JOIN_STATE_ATTRIBUTES.emitted];
  if (value === undefined) return COUNTED_BEFORE;
  const named: EmittedCopies = {};
  for (const [type, ref] of Object.entries(value.M ?? {}))
    if (ref.S && (type === 'bid' || type === 'imp' || type === 'click')) named[type] = ref.S;
  return named;
}
