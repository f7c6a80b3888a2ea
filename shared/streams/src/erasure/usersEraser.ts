import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger, mapWithConcurrency } from '@sdp/shared-runtime';
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
