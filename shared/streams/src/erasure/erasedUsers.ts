import { GetItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TOMBSTONES_VERSION_KEY, tombstoneKeyOf, tombstoneOf, type Tombstone } from './tombstoneItem.js';

/** The tombstones of the erased-users table, as a consumer reads them once per batch. */
export interface ErasedUsers {
  /** Every tombstone by user key (`userKeyOf`), current as of this call */
  current(): Promise<ReadonlyMap<string, Tombstone>>;
}

/**
 * The erased-users table with the set of tombstones cached in the instance: each call reads the
 * table's version item (one consistent `GetItem`, whatever the batch's size) and scans the table
 * again only when a tombstone was written or lifted since the last scan. Every change of a
 * tombstone raises the version in the same transaction, so a batch never works from a set older
 * than the version it read.
 *
 * @example
 * const erased = dynamoDbErasedUsers(client, 'sdp-ops-dev-erased-users');
 * (await erased.current()).get(userKeyOf('shopper-1')) // { userKey: '5f0d…', status: 'erased', … }
 */
export function dynamoDbErasedUsers(client: DynamoDBClient, tableName: string): ErasedUsers {
  let cached: { version: string; tombstones: Map<string, Tombstone> } | undefined;
  return {
    async current() {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: tombstoneKeyOf(TOMBSTONES_VERSION_KEY), ConsistentRead: true }),
      );
      const version = Item?.version?.N ?? '0';
      if (cached?.version === version) return cached.tombstones;
      const tombstones = new Map<string, Tombstone>();
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
        );
        for (const item of page.Items ?? []) {
          const tombstone = tombstoneOf(item);
          if (tombstone) tombstones.set(tombstone.userKey, tombstone);
        }
        start = page.LastEvaluatedKey;
      } while (start);
      cached = { version, tombstones };
      return tombstones;
    },
  };
}
