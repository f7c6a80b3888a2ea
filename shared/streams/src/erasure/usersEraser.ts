import middy from '@middy/core';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger, mapWithConcurrency } from '@sdp/shared-runtime';
import { deleteQueriedItems } from '../dynamodb/deleteQueriedItems.js';
import type { EraseUsersRequest, EraseUsersResult } from './types.js';

/** Users erased at once by one eraser. */
const CONCURRENCY = 4;

/**
 * The Lambda handler of a service's eraser, invoked by the ops service's erasure with the users to
 * erase: `eraseUser` removes one user's data from the service's store and says what it removed.
 * Each eraser is idempotent: asked again, it removes what is left (nothing).
 *
 * @example
 * export const handler = usersEraser(async (userId) => ({ order_lines: await deleteOrderLinesOf(userId) }));
 */
export function usersEraser(eraseUser: (userId: string) => Promise<Record<string, number>>) {
  return middy<EraseUsersRequest, EraseUsersResult>()
    .use(injectLambdaContext(logger))
    .handler(async ({ erase_users: userIds }) => {
      const counts = await mapWithConcurrency(userIds, CONCURRENCY, eraseUser);
      const removed = Object.fromEntries(userIds.map((userId, i) => [userId, counts[i]!]));
      // Counts only: a log line naming the users would outlive their erasure.
      logger.info('users erased', { users: userIds.length });
      return { removed };
    });
}

/** Where a service keeps its users' items: a table whose key, or an index's, starts with `user_id`. */
export interface UserItemsOptions {
  client: DynamoDBClient;
  tableName: string;
  /** The index whose partition key is `user_id`, when the table's is not */
  indexName?: string;
  /** The table's key attributes */
  keyNames: readonly string[];
  /** The name the eraser counts the deleted items under (`session_items`, `order_lines`) */
  counted: string;
}

/**
 * The eraser of a service whose users' items are found by `user_id` in a table or an index: it
 * deletes each user's items and counts them.
 *
 * @example
 * export const handler = userItemsEraser({ client, tableName, indexName: 'ByUser', keyNames: ['order_id', 'product_id'], counted: 'order_lines' });
 */
export function userItemsEraser(options: UserItemsOptions) {
  const { client, tableName, indexName, keyNames, counted } = options;
  return usersEraser(async (userId) => ({
    [counted]: await deleteQueriedItems(
      client,
      {
        TableName: tableName,
        ...(indexName ? { IndexName: indexName } : {}),
        KeyConditionExpression: '#user = :user',
        ProjectionExpression: keyNames.map((_, i) => `#k${i}`).join(', '),
        ExpressionAttributeNames: {
          '#user': 'user_id',
          ...Object.fromEntries(keyNames.map((name, i) => [`#k${i}`, name])),
        },
        ExpressionAttributeValues: { ':user': { S: userId } },
      },
      keyNames,
    ),
  }));
}
