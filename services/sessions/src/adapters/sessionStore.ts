import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  QueryCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TransactionCanceledException,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mapWithConcurrency } from '@sdp/shared';
import { TRANSACTION_CONCURRENCY, TRANSACTION_ITEMS } from '../domain/constants.js';
import { sessionIdOf } from '../domain/sessionIdOf.js';
import { storedSessionOf } from '../domain/storedSessionOf.js';
import type { CommitOutcome, SessionChange, SessionStore, StoredSession, UserSessions } from '../domain/types.js';

export interface SessionTables {
  /** Sessions by `user_id` and `session_no`; item 0 is the user's state */
  sessions: string;
  /** One item per sessionized event (`user_id`, `event_key`), expired by TTL on `expires_at` */
  sessionEvents: string;
}

const STATE_NO = 0;
const BATCH_GET_LIMIT = 100;

/** What an item of a transaction belongs to, to read its cancellation reason. */
type ItemRole = { userId: string; kind: 'claim'; eventKey: string } | { userId: string; kind: 'state' } | { userId: string; kind: 'session' };

/**
 * The `SessionStore` on DynamoDB. A user's state is item 0 of its sessions (`session_no` 0): last
 * number, horizon, version and the recent active sessions as JSON, read with one `BatchGetItem` per
 * 100 users. Each user's change is a conditional put of its event claims (`attribute_not_exists`),
 * puts of its sessions and a put of its state if the version is still the one read; many users'
 * changes share one `TransactWriteItems` (a user's never spans two), so a crash leaves all of a
 * user's step or none of it, and a batch costs a few round trips (and, on DynamoDB Local, disk syncs)
 * instead of one per user.
 *
 * @example
 * const store = dynamoDbSessionStore(new DynamoDBClient({}), { sessions: 'sdp-sessions-dev-sessions', sessionEvents: 'sdp-sessions-dev-session-events' });
 * const states = await store.loadUsers(['u1', 'u2']);
 */
export function dynamoDbSessionStore(client: DynamoDBClient, tables: SessionTables): SessionStore {
  const itemsOf = (change: SessionChange): { item: TransactWriteItem; role: ItemRole }[] => {
    const { userId } = change;
    const user = { S: userId };
    return [
      ...change.claims.map(({ eventKey, expiresAt }) => ({
        item: {
          Put: {
            TableName: tables.sessionEvents,
            Item: { user_id: user, event_key: { S: eventKey }, expires_at: { N: String(expiresAt) } },
            ConditionExpression: 'attribute_not_exists(event_key)',
          },
        },
        role: { userId, kind: 'claim' as const, eventKey },
      })),
      ...change.writes.map((session) => ({ item: { Put: { TableName: tables.sessions, Item: toItem(session) } }, role: { userId, kind: 'session' as const } })),
      {
        item: {
          Put: {
            TableName: tables.sessions,
            Item: toStateItem(change.state),
            ...(change.state.version === 1
              ? { ConditionExpression: 'attribute_not_exists(session_no)' }
              : { ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': { N: String(change.state.version - 1) } } }),
          },
        },
        role: { userId, kind: 'state' as const },
      },
    ];
  };

  /** Sends one transaction's changes, dropping the users whose conditions fail until the rest goes through. */
  const commitTransaction = async (changes: readonly SessionChange[], outcome: CommitOutcome): Promise<void> => {
    let remaining = [...changes];
    while (remaining.length > 0) {
      const entries = remaining.flatMap(itemsOf);
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: entries.map((entry) => entry.item) }));
        for (const change of remaining) outcome.applied.add(change.userId);
        return;
      } catch (error) {
        const reasons = (error as TransactionCanceledException).CancellationReasons;
        const refused = new Set<string>();
        if ((error as Error).name === 'TransactionCanceledException' && reasons) {
          entries.forEach(({ role }, i) => {
            if (reasons[i]?.Code !== 'ConditionalCheckFailed') return;
            refused.add(role.userId);
            if (role.kind === 'claim') outcome.alreadyClaimed.set(role.userId, [...(outcome.alreadyClaimed.get(role.userId) ?? []), role.eventKey]);
            else if (role.kind === 'state') outcome.conflicted.add(role.userId);
          });
        }
        if (refused.size === 0) {
          for (const change of remaining) outcome.failed.set(change.userId, error);
          return;
        }
        // A user named under both keeps only its claims: its step is planned again without them.
        for (const userId of refused) if (outcome.alreadyClaimed.has(userId)) outcome.conflicted.delete(userId);
        remaining = remaining.filter((change) => !refused.has(change.userId));
      }
    }
  };

  return {
    async loadUsers(userIds) {
      const states = new Map<string, UserSessions>();
      const chunks: string[][] = [];
      for (let start = 0; start < userIds.length; start += BATCH_GET_LIMIT) chunks.push(userIds.slice(start, start + BATCH_GET_LIMIT));
      await mapWithConcurrency(chunks, TRANSACTION_CONCURRENCY, async (chunk) => {
        let keys: Record<string, AttributeValue>[] | undefined = chunk.map((userId) => ({ user_id: { S: userId }, session_no: { N: String(STATE_NO) } }));
        for (let attempt = 0; keys && keys.length > 0; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
          const result: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: { [tables.sessions]: { Keys: keys, ConsistentRead: true } } }));
          for (const item of result.Responses?.[tables.sessions] ?? []) {
            const state = fromStateItem(item);
            states.set(state.userId, state);
          }
          keys = result.UnprocessedKeys?.[tables.sessions]?.Keys;
        }
      });
      return states;
    },

    async commit(changes) {
      const outcome: CommitOutcome = { applied: new Set(), alreadyClaimed: new Map(), conflicted: new Set(), failed: new Map() };
      const transactions: SessionChange[][] = [];
      let size = TRANSACTION_ITEMS;
      for (const change of changes) {
        const items = change.claims.length + change.writes.length + 1;
        if (size + items > TRANSACTION_ITEMS) {
          transactions.push([]);
          size = 0;
        }
        transactions.at(-1)!.push(change);
        size += items;
      }
      await mapWithConcurrency(transactions, TRANSACTION_CONCURRENCY, (transaction) => commitTransaction(transaction, outcome));
      return outcome;
    },

    async sessionsOf(userId) {
      const sessions: StoredSession[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tables.sessions,
            KeyConditionExpression: 'user_id = :user AND session_no >= :first',
            ExpressionAttributeValues: { ':user': { S: userId }, ':first': { N: '1' } },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        sessions.push(...(page.Items ?? []).flatMap((item) => storedSessionOf(unmarshall(item)) ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return sessions;
    },
  };
}

function toStateItem(state: UserSessions): Record<string, AttributeValue> {
  return {
    user_id: { S: state.userId },
    session_no: { N: String(STATE_NO) },
    last_session_no: { N: String(state.lastSessionNo) },
    horizon_ms: { N: String(state.horizonMs) },
    version: { N: String(state.version) },
    recent: { S: JSON.stringify(state.recent.map(({ userId: _userId, ...session }) => session)) },
  };
}

function fromStateItem(item: Record<string, AttributeValue>): UserSessions {
  const userId = item.user_id!.S!;
  return {
    userId,
    lastSessionNo: Number(item.last_session_no!.N),
    horizonMs: Number(item.horizon_ms!.N),
    version: Number(item.version!.N),
    recent: (JSON.parse(item.recent!.S!) as Omit<StoredSession, 'userId'>[]).map((session) => ({ userId, ...session })),
  };
}

function toItem(s: StoredSession): Record<string, AttributeValue> {
  return {
    user_id: { S: s.userId },
    session_no: { N: String(s.sessionNo) },
    session_id: { S: sessionIdOf(s.userId, s.sessionNo) },
    status: { S: s.status },
    ...(s.mergedInto ? { merged_into: { S: s.mergedInto } } : {}),
    start_ms: { N: String(s.startMs) },
    end_ms: { N: String(s.endMs) },
    event_count: { N: String(s.eventCount) },
    device_type: { S: s.deviceType },
    entry_key: { S: s.entryKey },
    entry_event: { S: s.entryEvent },
    exit_key: { S: s.exitKey },
    exit_event: { S: s.exitEvent },
    updated_at: { S: s.updatedAt },
  };
}
