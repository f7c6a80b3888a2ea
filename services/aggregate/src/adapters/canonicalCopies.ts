import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchGetItems, LEGACY_COPY } from '@sdp/shared';
import type { CanonicalCopies, EmittedCopies } from '../domain/types.js';

/**
 * Reads which copy of each event counts from enrich's join-state table (its `emitted` map, see
 * enrich's `JoinState`). Eventually consistent reads are enough: a copy, once named, is never
 * renamed, so a stale read can only miss it, and a missing name means "pending" (read again).
 *
 * @example
 * const copies = dynamoDbCanonicalCopies(new DynamoDBClient({}), 'sdp-enrich-dev-join-state');
 * await copies.load(['tx-1']) // Map { 'tx-1' => { bid: 'shardId-000000000000:4965…' } }
 */
export function dynamoDbCanonicalCopies(client: DynamoDBClient, tableName: string): CanonicalCopies {
  return {
    async load(txIds) {
      const items = await batchGetItems(
        client,
        tableName,
        txIds.map((txId) => ({ tx_id: { S: txId } })),
        { attributes: ['tx_id', 'emitted'] },
      );
      return new Map(items.map((item) => [item.tx_id!.S!, emittedOf(item.emitted)]));
    },
  };
}

/** A state without `emitted` was stored before copies were named: its emissions were counted then. */
const COUNTED_BEFORE: EmittedCopies = { bid: LEGACY_COPY, imp: LEGACY_COPY, click: LEGACY_COPY };

function emittedOf(value: AttributeValue | undefined): EmittedCopies {
  if (value === undefined) return COUNTED_BEFORE;
  const named: EmittedCopies = {};
  for (const [type, ref] of Object.entries(value.M ?? {}))
    if (ref.S && (type === 'bid' || type === 'imp' || type === 'click')) named[type] = ref.S;
  return named;
}
