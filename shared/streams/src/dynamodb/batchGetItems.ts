import { BatchGetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mapWithConcurrency } from '@sdp/shared-runtime';
import { UnreadKeysError } from './errors.js';
import { sendUntilProcessed } from './sendUntilProcessed.js';

type Item = Record<string, AttributeValue>;

export interface BatchGetOptions {
  /** The attributes to read (a projection); every attribute when absent */
  attributes?: readonly string[];
  /** Strongly consistent reads, at twice the read units; eventually consistent when absent */
  consistentRead?: boolean;
  /** Rounds a request is sent before keys still unprocessed fail it with `UnreadKeysError`; 8 when absent */
  maxRounds?: number;
}

/** Keys per `BatchGetItem` request: DynamoDB's limit. */
export const BATCH_GET_MAX_KEYS = 100;
const DEFAULT_MAX_ROUNDS = 8;
/** Requests in flight at once. */
const CONCURRENCY = 4;

/**
 * Reads the items of one table by key: 100 keys per `BatchGetItem`, 4 requests in flight. Keys
 * DynamoDB leaves unprocessed (throttling) are asked for again after 50 ms, then twice as long each
 * round up to 1 s; keys still unread after `maxRounds` rounds throw `UnreadKeysError`. Keys with no
 * item have none in the answer; the items come in no particular order.
 *
 * @example
 * const items = await batchGetItems(client, 'sdp-pricing-dev-demand-features', [{ product_id: { S: 'sku-001' } }], {
 *   attributes: ['product_id', 'fingerprint'],
 *   consistentRead: true,
 * });
 * // [{ product_id: { S: 'sku-001' }, fingerprint: { S: 'N2Zm…' } }]
 */
export async function batchGetItems(
  client: DynamoDBClient,
  tableName: string,
  keys: readonly Item[],
  options: BatchGetOptions = {},
): Promise<Item[]> {
  const { attributes = [], consistentRead = false, maxRounds = DEFAULT_MAX_ROUNDS } = options;
  // Attribute names stand behind placeholders, so that none can collide with a reserved word.
  const projection =
    attributes.length === 0
      ? {}
      : {
          ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])),
        };
  const chunks: Item[][] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_MAX_KEYS)
    chunks.push(keys.slice(start, start + BATCH_GET_MAX_KEYS));

  const found = await mapWithConcurrency(chunks, CONCURRENCY, async (chunk) => {
    const items: Item[] = [];
    await sendUntilProcessed(
      chunk,
      async (unread) => {
        const answer = await client.send(
          new BatchGetItemCommand({
            RequestItems: {
              [tableName]: { Keys: [...unread], ...(consistentRead ? { ConsistentRead: true } : {}), ...projection },
            },
          }),
        );
        items.push(...(answer.Responses?.[tableName] ?? []));
        return answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
      },
      maxRounds,
      (unread) => new UnreadKeysError(tableName, unread, maxRounds),
    );
    return items;
  });
  return found.flat();
}
