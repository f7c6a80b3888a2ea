import { DeleteItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { mapWithConcurrency } from '@sdp/shared-runtime';
import type { EraseUsersRequest, EraseUsersResult, FailedEvent } from '@sdp/shared-streams';
import { eraseFailedEventsOf } from '../domain/eraseFailedEventsOf.js';
import type { ErasureOwners } from '../domain/types.js';
import { invokeFunction } from './invokeFunction.js';

/** Users per scan of the failed-events table: each adds three conditions to its filter. */
const USERS_PER_SCAN = 20;

/**
 * The services that keep users' data: their eraser functions, invoked synchronously by name (sessions'
 * `eraseUserSessions`, catalog's `eraseUserOrders`, the lake's `compactLake`, which rewrites partitions
 * one run at a time with its compactions), and the ops service's own failed-events table.
 */
export function erasureOwners(
  lambda: LambdaClient,
  dynamoDb: DynamoDBClient,
  names: { sessions: string; orders: string; lake: string; failedEventsTable: string },
): ErasureOwners {
  const invoke = async (functionName: string, userIds: readonly string[]): Promise<EraseUsersResult> => {
    const request: EraseUsersRequest = { erase_users: [...userIds] };
    const { text, result, functionError } = await invokeFunction(lambda, functionName, request);
    if (functionError) throw new Error(`${functionName} could not erase the users: ${text}`);
    return result as EraseUsersResult;
  };
  const table = names.failedEventsTable;
  return {
    sessions: (userIds) => invoke(names.sessions, userIds),
    orders: (userIds) => invoke(names.orders, userIds),
    lake: (userIds) => invoke(names.lake, userIds),
    failedEvents: (userIds) =>
      eraseFailedEventsOf(userIds, {
        async candidates(ids) {
          const found: Pick<FailedEvent, 'failure_id' | 'partition_key' | 'data' | 'error_message'>[] = [];
          for (let i = 0; i < ids.length; i += USERS_PER_SCAN) {
            const chunk = ids.slice(i, i + USERS_PER_SCAN);
            const values = Object.fromEntries(chunk.map((id, j) => [`:u${j}`, { S: id }]));
            const filter = chunk
              .map((_, j) => `contains(#data, :u${j}) OR partition_key = :u${j} OR contains(error_message, :u${j})`)
              .join(' OR ');
            let start: Record<string, AttributeValue> | undefined;
            do {
              const page = await dynamoDb.send(
                new ScanCommand({
                  TableName: table,
                  ProjectionExpression: 'failure_id, partition_key, #data, error_message',
                  FilterExpression: filter,
                  ExpressionAttributeNames: { '#data': 'data' },
                  ExpressionAttributeValues: values,
                  ConsistentRead: true,
                  ExclusiveStartKey: start,
                }),
              );
              for (const item of page.Items ?? [])
                found.push({
                  failure_id: item.failure_id?.S ?? '',
                  partition_key: item.partition_key?.S ?? '',
                  data: item.data?.S ?? '',
                  error_message: item.error_message?.S ?? '',
                });
              start = page.LastEvaluatedKey;
            } while (start);
          }
          return found;
        },
        async remove(failureIds) {
          await mapWithConcurrency(failureIds, 4, (failureId) =>
            dynamoDb.send(new DeleteItemCommand({ TableName: table, Key: { failure_id: { S: failureId } } })),
          );
        },
      }),
  };
}
