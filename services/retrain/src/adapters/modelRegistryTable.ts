import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ModelRegistry, ModelVersion, Promotion } from '../domain/modelRecords.js';
import { LIVE_POINTER as LIVE, liveVersionOf, modelRegistryKeyOf, pendingPromotionOf } from './modelRegistryItem.js';

type StoredVersion = Omit<ModelVersion, 'live'>;

/**
 * The model registry in DynamoDB: one item per version (key `version`), plus the live pointer, which
 * also holds the pending promotion (`pending_version`, `pending_since`): a promotion begins only when
 * none is pending and ends only if it is still the pending one, each in one transaction with the
 * version's `promotion` record, so two promotions cannot clobber each other (`modelRegistryItem.ts`:
 * the layout predict reads).
 */
export function dynamoDbModelRegistry(
  tableName: string,
  client = new DynamoDBClient({}),
): ModelRegistry & NewBidCounter {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  /** The live pointer item, read consistently: the live version and the pending promotion. */
  const readPointer = async () =>
    (
      await documents.send(
        new GetCommand({ TableName: tableName, Key: modelRegistryKeyOf(LIVE), ConsistentRead: true }),
      )
    ).Item;
  /** One transaction: the live pointer's conditional change, and the version's promotion record. */
  const promote = (version: string, promotion: Promotion, pointer: PointerUpdate) =>
    transactOrFalse(
      documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName: tableName, Key: modelRegistryKeyOf(LIVE), ...pointer } },
            {
              Update: {
                TableName: tableName,
                Key: modelRegistryKeyOf(version),
                UpdateExpression: 'SET promotion = :promotion',
                ConditionExpression: 'attribute_exists(version)',
                ExpressionAttributeValues: { ':promotion': promotion },
              },
            },
          ],
        }),
      ),
    );
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
    liveVersion: async () => liveVersionOf(await readPointer()),
    pendingPromotion: async () => pendingPromotionOf(await readPointer()),
    async livePointer() {
      const pointer = await readPointer();
      return { liveVersion: liveVersionOf(pointer), pending: pendingPromotionOf(pointer) };
    },
    beginPromotion: (version, promotion) =>
      promote(version, promotion, {
        UpdateExpression: 'SET pending_version = :version, pending_since = :since',
        ConditionExpression: 'attribute_not_exists(pending_version)',
        ExpressionAttributeValues: { ':version': version, ':since': promotion.requested_at },
      }),
    endPromotion: (version, promotion) =>
      promote(
        version,
        promotion,
        promotion.status === 'live'
          ? {
              UpdateExpression: 'SET live_version = :version, promoted_at = :at REMOVE pending_version, pending_since',
              ConditionExpression: 'pending_version = :version',
              ExpressionAttributeValues: { ':version': version, ':at': promotion.finished_at },
            }
          : {
              UpdateExpression: 'REMOVE pending_version, pending_since',
              ConditionExpression: 'pending_version = :version',
              ExpressionAttributeValues: { ':version': version },
            },
      ),
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

/** The live pointer's side of a promotion's transaction. */
interface PointerUpdate {
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeValues: Record<string, unknown>;
}

/** True once the transaction is written; false when one of its conditions did not hold. */
async function transactOrFalse(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException || (error as Error).name === 'TransactionCanceledException')
      return false;
    throw error;
  }
}

/** How many bids arrived since the last data-triggered training. */
export interface NewBidCounter {
  addNewBids(count: number): Promise<number>;
  /** Resets the count if it reached `atLeast`; true when this caller took it (and should train) */
  takeNewBids(atLeast: number): Promise<boolean>;
}
