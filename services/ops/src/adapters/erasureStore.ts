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
import { erasedCountsOf } from '../domain/erasedCountsOf.js';
import type { Erasure, ErasureStore } from '../domain/types.js';
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
    async tally(userId, erasureId, counts) {
      const names = Object.keys(counts);
      if (names.length === 0) return;
      await whetherWritten(
        client.send(
          new UpdateItemCommand({
            TableName: tables.erasures,
            Key: entryKeyOf(userId, erasureId),
            UpdateExpression: `SET ${names.map((_, i) => `tallies.#t${i} = if_not_exists(tallies.#t${i}, :zero) + :t${i}`).join(', ')}`,
            ConditionExpression: '#status = :erasing',
            ExpressionAttributeNames: {
              '#status': 'status',
              ...Object.fromEntries(names.map((name, i) => [`#t${i}`, name])),
            },
            ExpressionAttributeValues: {
              ':erasing': { S: 'erasing' },
              ':zero': { N: '0' },
              ...Object.fromEntries(names.map((name, i) => [`:t${i}`, { N: String(counts[name]) }])),
            },
          }),
        ),
      );
    },
    async completeErasure(userId, erasureId, completedAt) {
      return whetherWritten(
        client.send(
          new UpdateItemCommand({
            TableName: tables.erasures,
            Key: entryKeyOf(userId, erasureId),
            UpdateExpression: 'SET #status = :erased, completed_at = :at REMOVE user_id',
            ConditionExpression: '#status = :erasing',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':erased': { S: 'erased' },
              ':erasing': { S: 'erasing' },
              ':at': { S: completedAt },
            },
          }),
        ),
      );
    },
  };
}

const entryKeyOf = (userId: string, erasureId: string) => ({
  user_key: { S: userKeyOf(userId) },
  erasure_id: { S: erasureId },
});

function erasureItemOf(entry: Erasure): Record<string, AttributeValue> {
  return {
    user_key: { S: userKeyOf(entry.user_id) },
    // Only while erasing: completeErasures removes it with the data. The tallies grow as stores finish.
    ...(entry.status === 'erasing' ? { user_id: { S: entry.user_id }, tallies: { M: {} } } : {}),
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
    ...(item.tallies?.M ? { removed: erasedCountsOf(talliesOf(item.tallies.M)) } : {}),
  };
}

function talliesOf(map: Record<string, AttributeValue>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, Number(value.N ?? 0)]));
}
