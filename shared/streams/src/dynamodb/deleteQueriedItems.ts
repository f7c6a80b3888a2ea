import {
  BatchWriteItemCommand,
  paginateQuery,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { DependencyUnavailableError } from '../failures/isDependencyFailure.js';

/** Deletes per `BatchWriteItem`: DynamoDB's limit. */
const BATCH_WRITE_MAX_ITEMS = 25;
const MAX_ROUNDS = 8;

/**
 * Deletes every item a query finds (a partition, or an index's key), 25 per `BatchWriteItem`, the
 * keys DynamoDB leaves unprocessed sent again after 50 ms, then twice as long each round up to 1 s;
 * resolves with how many items it deleted. `keyNames` are the table's key attributes (on an index,
 * the table's, not the index's: the query must return them).
 *
 * @example
 * await deleteQueriedItems(client, { TableName: 'sdp-sessions-dev-sessions', KeyConditionExpression: 'user_id = :u',
 *   ExpressionAttributeValues: { ':u': { S: 'shopper-1' } } }, ['user_id', 'session_no']) // 4
 */
export async function deleteQueriedItems(
  client: DynamoDBClient,
  query: QueryCommandInput,
  keyNames: readonly string[],
): Promise<number> {
  const keys: Record<string, AttributeValue>[] = [];
  for await (const page of paginateQuery({ client }, { ...query, ConsistentRead: query.IndexName ? false : true }))
    for (const item of page.Items ?? []) keys.push(Object.fromEntries(keyNames.map((name) => [name, item[name]!])));
  for (let i = 0; i < keys.length; i += BATCH_WRITE_MAX_ITEMS) {
    let requests: WriteRequest[] = keys.slice(i, i + BATCH_WRITE_MAX_ITEMS).map((Key) => ({ DeleteRequest: { Key } }));
    for (let round = 0; requests.length > 0; round++) {
      if (round === MAX_ROUNDS)
        throw new DependencyUnavailableError(
          `DynamoDB left ${requests.length} deletes of ${query.TableName} unprocessed after ${MAX_ROUNDS} rounds of BatchWriteItem.`,
        );
      if (round > 0) await sleep(Math.min(1000, 50 * 2 ** (round - 1)));
      const { UnprocessedItems } = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [query.TableName!]: requests } }),
      );
      requests = UnprocessedItems?.[query.TableName!] ?? [];
    }
  }
  return keys.length;
}
