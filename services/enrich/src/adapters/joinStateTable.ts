import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, TransactWriteCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { JoinState } from '../domain/types.js';

/** Where join state lives: one DynamoDB item per transaction, expired by TTL on `expires_at`. */
export interface JoinStateTable {
  load(txIds: readonly string[]): Promise<Map<string, JoinState>>;
  /**
   * Stores states that nobody changed since they were loaded; resolves with the ids of the
   * transactions that could not be stored (changed meanwhile, or the write failed).
   */
  saveAll(states: readonly JoinState[]): Promise<Set<string>>;
}

const BATCH_GET_LIMIT = 100;
const TRANSACTION_LIMIT = 100;

/**
 * DynamoDB-backed join state. Writes go in transactions of up to 100 conditional puts: one round
 * trip (and, on DynamoDB Local, one disk sync) per hundred transactions instead of one each, while
 * each put stays conditional on the version it was loaded at.
 */
export function dynamoDbJoinStateTable(tableName: string, client = new DynamoDBClient({})): JoinStateTable {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

  const putOf = (state: JoinState) => ({
    Put: {
      TableName: tableName,
      Item: { ...withoutIndexKeys(state), version: state.version + 1, ...pendingIndexKeys(state) },
      ConditionExpression: state.version === 0 ? 'attribute_not_exists(tx_id)' : 'version = :version',
      ...(state.version === 0 ? {} : { ExpressionAttributeValues: { ':version': state.version } }),
    },
  });

  const writeChunk = async (chunk: readonly JoinState[], failed: Set<string>): Promise<void> => {
    let remaining = [...chunk];
    while (remaining.length > 0) {
      try {
        await documents.send(new TransactWriteCommand({ TransactItems: remaining.map(putOf) }));
        return;
      } catch (error) {
        const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
        if ((error as Error).name !== 'TransactionCanceledException' || !reasons) {
          remaining.forEach((state) => failed.add(state.tx_id));
          return;
        }
        // Drop the puts whose condition failed; the others were only cancelled with them.
        const conflicted = remaining.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed');
        if (conflicted.length === 0) {
          remaining.forEach((state) => failed.add(state.tx_id));
          return;
        }
        conflicted.forEach((state) => failed.add(state.tx_id));
        remaining = remaining.filter((_, i) => reasons[i]?.Code !== 'ConditionalCheckFailed');
      }
    }
  };

  return {
    async load(txIds) {
      const states = new Map<string, JoinState>();
      for (let start = 0; start < txIds.length; start += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] | undefined = txIds.slice(start, start + BATCH_GET_LIMIT).map((tx_id) => ({ tx_id }));
        for (let attempt = 0; keys && keys.length > 0; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
          const result: BatchGetCommandOutput = await documents.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
          );
          for (const item of result.Responses?.[tableName] ?? []) states.set(String(item.tx_id), item as JoinState);
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return states;
    },
    async saveAll(states) {
      const failed = new Set<string>();
      const chunks: JoinState[][] = [];
      for (let start = 0; start < states.length; start += TRANSACTION_LIMIT) chunks.push(states.slice(start, start + TRANSACTION_LIMIT));
      await Promise.all(chunks.map((chunk) => writeChunk(chunk, failed)));
      return failed;
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

const INDEX_KEYS = ['pending_imp_day', 'pending_imp_at', 'pending_click_day', 'pending_click_at'];

/**
 * A loaded state still carries the index keys it was stored with; they are recomputed on every put,
 * so that an impression or click that has joined since leaves its pending index.
 */
function withoutIndexKeys(state: JoinState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).filter(([name]) => !INDEX_KEYS.includes(name)));
}
