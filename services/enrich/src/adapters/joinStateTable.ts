import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mapWithConcurrency } from '@sdp/shared-runtime';
import { batchGetItems, isDependencyFailure } from '@sdp/shared-streams';
import type { JoinState } from '../domain/types.js';
import { joinStateKeyOf } from './joinStateItem.js';

/** Where join state lives: one DynamoDB item per transaction, expired by TTL on `expires_at`. */
export interface JoinStateTable {
  load(txIds: readonly string[]): Promise<Map<string, JoinState>>;
  /**
   * Stores states that nobody changed since they were loaded; resolves with the ids of the
   * transactions that could not be stored (changed meanwhile, or the write failed).
   */
  saveAll(states: readonly JoinState[]): Promise<Set<string>>;
}

/** Puts in flight at once; a batch of 500 raw records changes a few hundred transactions at most. */
const SAVE_CONCURRENCY = 16;

/**
 * DynamoDB-backed join state. Each state is written with one conditional PutItem (1 write unit for
 * an item under 1 KB), conditional on the version it was loaded at, 16 in flight. No transaction:
 * the states of a batch are independent (each stands for its own transaction and names its own
 * copies), and a transactional put costs twice the write units of a plain one.
 */
export function dynamoDbJoinStateTable(tableName: string, client = new DynamoDBClient({})): JoinStateTable {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

  const save = async (state: JoinState): Promise<boolean> => {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName,
          Item: itemOf(state),
          ConditionExpression: state.version === 0 ? 'attribute_not_exists(tx_id)' : 'version = :version',
          ...(state.version === 0 ? {} : { ExpressionAttributeValues: { ':version': state.version } }),
        }),
      );
      return true;
    } catch (error) {
      // A throttled or unreachable table fails the whole save (the batch is re-delivered after a
      // backoff, no attempt counted); a conflict (changed since it was loaded) or a refused item
      // leaves this transaction unstored, and its records are re-delivered as the records' failure.
      if (isDependencyFailure(error)) throw error;
      return false;
    }
  };

  return {
    async load(txIds) {
      const items = await batchGetItems(client, tableName, txIds.map(joinStateKeyOf), { consistentRead: true });
      return new Map(items.map((item) => joinStateOf(unmarshall(item))).map((state) => [state.tx_id, state]));
    },
    async saveAll(states) {
      const stored = await mapWithConcurrency(states, SAVE_CONCURRENCY, save);
      return new Set(states.filter((_, i) => !stored[i]).map((state) => state.tx_id));
    },
  };
}

/**
 * The state in a stored item. Only the state's own attributes are kept: not the index keys (they
 * are recomputed on every put, so that an impression or click that has joined since leaves its
 * pending index), nor `seen` and `duplicates`, which states stored before copies were named carry
 * and which a rewrite drops. Such a state has no `emitted`; the domain marks what it had emitted.
 */
function joinStateOf(item: Record<string, unknown>): JoinState {
  const { tx_id, tenant, version, bid, imp, click, emitted, expires_at } = item as unknown as JoinState;
  return {
    tx_id,
    ...(tenant === undefined ? {} : { tenant }),
    version,
    ...(bid ? { bid } : {}),
    ...(imp ? { imp } : {}),
    ...(click ? { click } : {}),
    ...(emitted ? { emitted } : {}),
    expires_at,
  };
}

/**
 * The item that stores a state at its next version. Every state the domain changes has `emitted`
 * (empty while nothing was emitted), so an item without it is one stored before copies were named.
 */
function itemOf(state: JoinState): Record<string, unknown> {
  const { tx_id, tenant, version, bid, imp, click, emitted, expires_at } = state;
  return { tx_id, tenant, version: version + 1, bid, imp, click, emitted, expires_at, ...pendingIndexKeys(state) };
}

/**
 * Sparse index keys for unjoined impressions and clicks (the orphan candidates), by UTC day of
 * their event time, so orphans can be listed without scanning every transaction.
 */
function pendingIndexKeys(state: JoinState): Record<string, string> {
  const keys: Record<string, string> = {};
  if (state.imp && !state.imp.joined)
    Object.assign(keys, {
      pending_imp_day: state.imp.event_time.slice(0, 10),
      pending_imp_at: `${state.imp.event_time}#${state.tx_id}`,
    });
  if (state.click && !state.click.joined)
    Object.assign(keys, {
      pending_click_day: state.click.event_time.slice(0, 10),
      pending_click_at: `${state.click.event_time}#${state.tx_id}`,
    });
  return keys;
}
