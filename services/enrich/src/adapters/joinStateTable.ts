import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, PutCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { JoinState } from '../domain/types.js';

/** Where join state lives: one DynamoDB item per transaction, expired by TTL on `expires_at`. */
export interface JoinStateTable {
  load(txIds: readonly string[]): Promise<Map<string, JoinState>>;
  /** Stores a state if nobody changed it since it was loaded; false when somebody did */
  save(state: JoinState): Promise<boolean>;
}

const BATCH_GET_LIMIT = 100;

export function dynamoDbJoinStateTable(tableName: string, client = new DynamoDBClient({})): JoinStateTable {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    async load(txIds) {
      const states = new Map<string, JoinState>();
      for (let start = 0; start < txIds.length; start += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] | undefined = txIds.slice(start, start + BATCH_GET_LIMIT).map((tx_id) => ({ tx_id }));
        for (let attempt = 0; keys && keys.length > 0; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
          const result: BatchGetCommandOutput = await documents.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
          for (const item of result.Responses?.[tableName] ?? []) states.set(String(item.tx_id), item as JoinState);
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return states;
    },
    async save(state) {
      try {
        await documents.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...state, version: state.version + 1, ...pendingIndexKeys(state) },
            ConditionExpression: state.version === 0 ? 'attribute_not_exists(tx_id)' : 'version = :version',
            ...(state.version === 0 ? {} : { ExpressionAttributeValues: { ':version': state.version } }),
          }),
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
  };
}

/**
 * Sparse index keys for unjoined impressions and clicks (the orphan candidates), by UTC day of
 * their event time, so orphans can be listed without scanning every transaction.
 */
function pendingIndexKeys(state: JoinState): Record<string, string> {
  const keys: Record<string, string> = {};
  if (state.imp && !state.imp.joined) Object.assign(keys, { pending_imp_day: state.imp.event_time.slice(0, 10), pending_imp_at: `${state.imp.event_time}#${state.tx_id}` });
  if (state.click && !state.click.joined) Object.assign(keys, { pending_click_day: state.click.event_time.slice(0, 10), pending_click_at: `${state.click.event_time}#${state.tx_id}` });
  return keys;
}
