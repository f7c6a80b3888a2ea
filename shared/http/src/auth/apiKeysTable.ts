import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { RATE_ITEM_PREFIX } from './constants.js';
import type { ApiKeyRecord, ApiScope } from './types.js';

/** The API keys table (key `key_id`): read by every API, written by `npm run keys`; its `rate#` items are the keys' shared rate buckets (`dynamoDbRateLeases`). */
export interface ApiKeysTable {
  get(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Stores a new key; fails if its id is taken */
  create(record: ApiKeyRecord): Promise<void>;
  list(): Promise<ApiKeyRecord[]>;
  /** Changes a key that exists; resolves with the updated record, or undefined when there is none */
  update(
    keyId: string,
    changes: Partial<Pick<ApiKeyRecord, 'status' | 'expires_at' | 'replaced_by'>>,
  ): Promise<ApiKeyRecord | undefined>;
}

export function dynamoDbApiKeysTable(client: DynamoDBClient, tableName: string): ApiKeysTable {
  return {
    async get(keyId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: { key_id: { S: keyId } }, ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },
    async create(record) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: toItem(record),
          ConditionExpression: 'attribute_not_exists(key_id)',
        }),
      );
    },
    async list() {
      const records: ApiKeyRecord[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        // The table also holds each key's shared rate bucket (`rate#<key id>`), which is not a key.
        const page = await client.send(
          new ScanCommand({
            TableName: tableName,
            ExclusiveStartKey: start,
            FilterExpression: 'NOT begins_with(key_id, :rate)',
            ExpressionAttributeValues: { ':rate': { S: RATE_ITEM_PREFIX } },
          }),
        );
        records.push(...(page.Items ?? []).map(fromItem));
        start = page.LastEvaluatedKey;
      } while (start);
      return records.sort((a, b) => a.created_at.localeCompare(b.created_at));
    },
    async update(keyId, changes) {
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
      if (entries.length === 0) return this.get(keyId);
      const { Attributes } = await client
        .send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { key_id: { S: keyId } },
            ConditionExpression: 'attribute_exists(key_id)',
            UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
            ExpressionAttributeValues: Object.fromEntries(
              entries.map(([, value], i) => [`:v${i}`, { S: String(value) }]),
            ),
            ReturnValues: 'ALL_NEW',
          }),
        )
        .catch((error: Error) => {
          if (error.name === 'ConditionalCheckFailedException') return { Attributes: undefined };
          throw error;
        });
      return Attributes ? fromItem(Attributes) : undefined;
    },
  };
}

function toItem(record: ApiKeyRecord): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {
    key_id: { S: record.key_id },
    tenant: { S: record.tenant },
    scopes: { SS: record.scopes },
    secret_hash: { S: record.secret_hash },
    status: { S: record.status },
    created_at: { S: record.created_at },
    rate_limit_per_second: { N: String(record.rate_limit_per_second) },
    burst: { N: String(record.burst) },
  };
  if (record.expires_at !== undefined) item.expires_at = { S: record.expires_at };
  if (record.replaced_by !== undefined) item.replaced_by = { S: record.replaced_by };
  if (record.description !== undefined) item.description = { S: record.description };
  return item;
}

function fromItem(item: Record<string, AttributeValue>): ApiKeyRecord {
  return {
    key_id: item.key_id!.S!,
    tenant: item.tenant!.S!,
    scopes: [...(item.scopes?.SS ?? [])].sort() as ApiScope[],
    secret_hash: item.secret_hash!.S!,
    status: item.status!.S === 'revoked' ? 'revoked' : 'active',
    created_at: item.created_at!.S!,
    rate_limit_per_second: Number(item.rate_limit_per_second!.N),
    burst: Number(item.burst!.N),
    ...(item.expires_at?.S ? { expires_at: item.expires_at.S } : {}),
    ...(item.replaced_by?.S ? { replaced_by: item.replaced_by.S } : {}),
    ...(item.description?.S ? { description: item.description.S } : {}),
  };
}
