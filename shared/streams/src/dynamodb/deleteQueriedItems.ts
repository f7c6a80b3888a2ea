import {
  BatchWriteItemCommand,
  paginateQuery,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { DependencyUnavailableError } from '../failures/isDependencyFailure.js';
import { sendUntilProcessed } from './sendUntilProcessed.js';

/** Deletes per `BatchWriteItem`: DynamoDB's limit. */
const BATCH_WRITE_MAX_ITEMS = 25;
const MAX_ROUNDS = 8;

/**
 * Deletes every item a query finds (a partition, or an index's key), 25 per `BatchWriteItem`, the
 * deletes DynamoDB leaves unprocessed sent again (`sendUntilProcessed`); resolves with how many
 * items it deleted. `keyNames` are the table's key attributes (on an index, the table's, not the
 * index's: the query must return them).
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
  const tableName = query.TableName!;
  for (let i = 0; i < keys.length; i += BATCH_WRITE_MAX_ITEMS)
    await sendUntilProcessed<WriteRequest>(
      keys.slice(i, i + BATCH_WRITE_MAX_ITEMS).map((Key) => ({ DeleteRequest: { Key } })),
      async (requests) => {
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [tableName]: [...requests] } }),
        );
        return UnprocessedItems?.[tableName] ?? [];
      },
      MAX_ROUNDS,
      (left) =>
        new DependencyUnavailableError(
          `DynamoDB left ${left.length} deletes of ${tableName} unprocessed after ${MAX_ROUNDS} rounds of BatchWriteItem.`,
        ),
    );
  return keys.length;
}
