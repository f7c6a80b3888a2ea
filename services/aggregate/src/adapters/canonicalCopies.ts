import { BatchGetItemCommand, type AttributeValue, type BatchGetItemCommandOutput, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LEGACY_COPY, mapWithConcurrency } from '@sdp/shared';
import type { CanonicalCopies, EmittedCopies } from '../domain/types.js';

const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;
/** BatchGetItem calls in flight at once. */
const READ_CONCURRENCY = 4;

/**
 * Reads which copy of each event counts from enrich's join-state table (its `emitted` map, see
 * enrich's `JoinState`), 100 transactions per `BatchGetItem`. Eventually consistent reads are
 * enough: a copy, once named, is never renamed, so a stale read can only miss it, and a missing
 * name means "pending" (read again).
 *
 * @example
 * const copies = dynamoDbCanonicalCopies(new DynamoDBClient({}), 'sdp-enrich-dev-join-state');
 * await copies.load(['tx-1']) // Map { 'tx-1' => { bid: 'shardId-000000000000:4965…' } }
 */
export function dynamoDbCanonicalCopies(client: DynamoDBClient, tableName: string): CanonicalCopies {
  return {
    async load(txIds) {
      const copies = new Map<string, EmittedCopies>();
      const chunks: string[][] = [];
      for (let start = 0; start < txIds.length; start += BATCH_GET_LIMIT) chunks.push(txIds.slice(start, start + BATCH_GET_LIMIT));
      await mapWithConcurrency(chunks, READ_CONCURRENCY, async (chunk) => {
        let keys: Record<string, AttributeValue>[] | undefined = chunk.map((txId) => ({ tx_id: { S: txId } }));
        for (let round = 0; keys && keys.length > 0; round++) {
          if (round === MAX_ROUNDS) throw new Error(`DynamoDB left ${keys.length} join states unread after ${MAX_ROUNDS} rounds.`);
          if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
          const result: BatchGetItemCommandOutput = await client.send(
            new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: keys, ProjectionExpression: 'tx_id, emitted' } } }),
          );
          for (const item of result.Responses?.[tableName] ?? []) copies.set(item.tx_id!.S!, emittedOf(item.emitted));
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      });
      return copies;
    },
  };
}

/** A state without `emitted` was stored before copies were named: its emissions were counted then. */
const COUNTED_BEFORE: EmittedCopies = { bid: LEGACY_COPY, imp: LEGACY_COPY, click: LEGACY_COPY };

function emittedOf(value: AttributeValue | undefined): EmittedCopies {
  if (value === undefined) return COUNTED_BEFORE;
  const named: EmittedCopies = {};
  for (const [type, ref] of Object.entries(value?.M ?? {})) if (ref.S && (type === 'bid' || type === 'imp' || type === 'click')) named[type] = ref.S;
  return named;
}
