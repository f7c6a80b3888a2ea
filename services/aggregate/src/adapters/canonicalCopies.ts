import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { emittedCopiesOf, JOIN_STATE_ATTRIBUTES, joinStateKeyOf } from '@sdp/enrich';
import { batchGetItems } from '@sdp/shared-streams';
import type { CanonicalCopies } from '../domain/types.js';

/**
 * Reads which copy of each event counts from enrich's join-state table, through the item schema
 * enrich publishes (`emittedCopiesOf` in `@sdp/enrich`). Eventually consistent reads are enough: a
 * copy, once named, is never renamed, so a stale read can only miss it, and a missing name means
 * "pending" (read again).
 *
 * @example
 * const copies = dynamoDbCanonicalCopies(new DynamoDBClient({}), 'sdp-enrich-dev-join-state');
 * await copies.load(['tx-1']) // Map { 'tx-1' => { bid: 'shardId-000000000000:4965…' } }
 */
export function dynamoDbCanonicalCopies(client: DynamoDBClient, tableName: string): CanonicalCopies {
  return {
    async load(txIds) {
      const items = await batchGetItems(client, tableName, txIds.map(joinStateKeyOf), {
        attributes: Object.values(JOIN_STATE_ATTRIBUTES),
      });
      return new Map(items.map((item) => [item[JOIN_STATE_ATTRIBUTES.key]!.S!, emittedCopiesOf(item)]));
    },
  };
}
