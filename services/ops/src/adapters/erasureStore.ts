import {
  GetItemCommand,
  paginateQuery,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { TOMBSTONES_VERSION_KEY, tombstoneItemOf, tombstoneKeyOf, tombstoneOf, userKeyOf } from '@sdp/shared-streams';
import type { Erasure, ErasedCounts, ErasureStore } from '../domain/types.js';
import { whetherWritten } from './whetherWritten.js';

/**
 * The erased-users table (a tombstone per user, and the version item every change raises) and the
 * erasure log (`user_key`, `erasure_id`: a user's entries sort by time), in DynamoDB, both keyed by
 * the user id's hash (`userKeyOf`). A log entry holds the user id itself only while it is `erasing`
 * (its stream hands it to `completeErasures`, which needs it to find the data).
 */
export function dynamoDbErasureStore(
  client: DynamoDBClient,
  tables: { erasedUsers: string; erasures: string },
): ErasureStore {
  const raiseVersion: TransactWriteItem = {
    Update: {
      TableName: tables.erasedUsers,
      Key: tombstoneKeyOf(TOMBSTONES_VERSION_KEY),
      UpdateExpression: 'ADD version :one',
      ExpressionAttributeValues: { ':one': { N: '1' } },
    },
  };
  const putEntry = (entry: Erasure): TransactWriteItem => ({
    Put: { TableName: tables.erasures, Item: erasureItemOf(entry) },
  });
  return {
    async tombstone(userId) {
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: tables.erasedUsers,
          Key: tombstoneKeyOf(userKeyOf(userId)),
          ConsistentRead: true,
        }),
      );
      return Item ? tombstoneOf(Item) : undefined;
    },
    async history(userId) {
      const entries: Erasure[] = [];
      const query = {
        TableName: tables.erasures,
        KeyConditionExpression: 'user_key = :user',
        ExpressionAttributeValues: { ':user': { S: userKeyOf(userId) } },
        ScanIndexForward: false,
        ConsistentRead: true,
      };
      for await (const page of paginateQuery({ client }, query))
        entries.push(...(page.Items ?? []).map((item) => erasureOf(item, userId)));
      return entries;
    },
    async startErasure(tombstone, entry) {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: tables.erasedUsers, Item: tombstoneItemOf(tombstone) } },
            raiseVersion,
            putEntry(entry),
          ],
        }),
      );
    },
    async lift(tombstone, entry) {
      return whetherWritten(
        client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tables.erasedUsers,
                  Item: tombstoneItemOf(tombstone),
                  // Lifts the very tombstone that was read: no erasure started since.
                  ConditionExpression: '#status = :erased AND erasure_id = :erasure',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':erased': { S: 'erased' }, ':erasure': { S: tombstone.erasureId } },
                },
              },
              raiseVersion,
              putEntry(entry),
            ],
          }),
        ),
      );
    },
    async completeErasure(userId, erasureId, removed, completedAt) {
      return whetherWritten(
        client.send(
          new UpdateItemCommand({
            TableName: tables.erasures,
            Key: { user_key: { S: userKeyOf(userId) }, erasure_id: { S: erasureId } },
            UpdateExpression: 'SET #status = :erased, completed_at = :at, removed = :removed REMOVE user_id',
            ConditionExpression: '#status = :erasing',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':erased': { S: 'erased' },
              ':erasing': { S: 'erasing' },
              ':at': { S: completedAt },
              ':removed': { S: JSON.stringify(removed) },
            },
          }),
        ),
      );
    },
  };
}

function erasureItemOf(entry: Erasure): Record<string, AttributeValue> {
  return {
    user_key: { S: userKeyOf(entry.user_id) },
    // Only while erasing: completeErasures removes it with the data.
    ...(entry.status === 'erasing' ? { user_id: { S: entry.user_id } } : {}),
    erasure_id: { S: entry.erasure_id },
    action: { S: entry.action },
    status: { S: entry.status },
    requested_at: { S: entry.requested_at },
    requested_by_tenant: { S: entry.requested_by.tenant },
    requested_by_key: { S: entry.requested_by.key_id },
  };
}

function erasureOf(item: Record<string, AttributeValue>, userId: string): Erasure {
  return {
    user_id: userId,
    erasure_id: item.erasure_id?.S ?? '',
    action: item.action?.S === 'lift' ? 'lift' : 'erase',
    status: (item.status?.S ?? 'erasing') as Erasure['status'],
    requested_at: item.requested_at?.S ?? '',
    requested_by: { tenant: item.requested_by_tenant?.S ?? '', key_id: item.requested_by_key?.S ?? '' },
    ...(item.completed_at?.S ? { completed_at: item.completed_at.S } : {}),
    ...(item.removed?.S ? { removed: JSON.parse(item.removed.S) as ErasedCounts } : {}),
  };
}
