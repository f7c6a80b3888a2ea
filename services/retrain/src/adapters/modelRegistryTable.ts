import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ModelRegistry, ModelVersion } from '../domain/modelRecords.js';
import { LIVE_POINTER as LIVE, liveVersionOf, modelRegistryKeyOf } from './modelRegistryItem.js';

type StoredVersion = Omit<ModelVersion, 'live'>;

/**
 * The model registry in DynamoDB: one item per version (key `version`), plus the live pointer, changed
 * only conditionally on the version it replaces so two promotions cannot clobber each other
 * (`modelRegistryItem.ts`: the layout predict reads).
 */
export function dynamoDbModelRegistry(
  tableName: string,
  client = new DynamoDBClient({}),
): ModelRegistry & NewBidCounter {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    async put(version) {
      await documents.send(new PutCommand({ TableName: tableName, Item: version }));
    },
    async get(version) {
      if (version === LIVE) return undefined;
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: modelRegistryKeyOf(version) }));
      return Item as StoredVersion | undefined;
    },
    async list() {
      const items: StoredVersion[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey }));
        items.push(...((page.Items ?? []) as StoredVersion[]).filter((item) => item.version !== LIVE));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items;
    },
    async liveVersion() {
      const { Item } = await documents.send(
        new GetCommand({ TableName: tableName, Key: modelRegistryKeyOf(LIVE), ConsistentRead: true }),
      );
      return liveVersionOf(Item);
    },
    async setLive(version, expected) {
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName,
            Key: modelRegistryKeyOf(LIVE),
            UpdateExpression: 'SET live_version = :version, promoted_at = :now',
            ConditionExpression:
              expected === undefined ? 'attribute_not_exists(live_version)' : 'live_version = :expected',
            ExpressionAttributeValues: {
              ':version': version,
              ':now': new Date().toISOString(),
              ...(expected === undefined ? {} : { ':expected': expected }),
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async addNewBids(count) {
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: modelRegistryKeyOf(LIVE),
          UpdateExpression: 'ADD new_bids :count',
          ExpressionAttributeValues: { ':count': count },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.new_bids ?? 0);
    },
    async takeNewBids(atLeast) {
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName,
            Key: modelRegistryKeyOf(LIVE),
            UpdateExpression: 'SET new_bids = :zero',
            ConditionExpression: 'new_bids >= :atLeast',
            ExpressionAttributeValues: { ':zero': 0, ':atLeast': atLeast },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}

/** How many bids arrived since the last data-triggered training. */
export interface NewBidCounter {
  addNewBids(count: number): Promise<number>;
  /** Resets the count if it reached `atLeast`; true when this caller took it (and should train) */
  takeNewBids(atLeast: number): Promise<boolean>;
}
