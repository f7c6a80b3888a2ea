import {
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandInput,
  type TransactionCanceledException,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { ConcurrentSessionChangeError } from '../domain/errors.js';
import { sessionIdOf } from '../domain/sessionIdOf.js';
import type { SessionChange, SessionStore, StoredSession } from '../domain/types.js';

export interface SessionTables {
  /** Sessions by `user_id` and `session_no`; item 0 holds the user's last session number */
  sessions: string;
  /** One item per sessionized event (`user_id`, `event_key`), expired by TTL on `expires_at` */
  sessionEvents: string;
}

/** Sparse LSI on `active_end_ms`: only active sessions carry it. */
const ACTIVE_BY_END_INDEX = 'ActiveByEnd';
const COUNTER_NO = 0;

/**
 * The `SessionStore` on DynamoDB: one `TransactWriteItems` per step claims each event key
 * (`attribute_not_exists`), writes each changed session if its `version` is still the one read, and
 * moves the user's session counter from the number read, so an event is added exactly when it is
 * claimed and a crash leaves either all of a step or none of it.
 *
 * @example
 * const store = dynamoDbSessionStore(new DynamoDBClient({}), { sessions: 'sdp-sessions-dev-sessions', sessionEvents: 'sdp-sessions-dev-session-events' });
 * await store.activeSessionsNear('u1', Date.now() - 60_000, Date.now())
 */
export function dynamoDbSessionStore(client: DynamoDBClient, tables: SessionTables): SessionStore {
  const queryAll = async (input: QueryCommandInput): Promise<StoredSession[]> => {
    const sessions: StoredSession[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(new QueryCommand({ ...input, ConsistentRead: true, ExclusiveStartKey: start }));
      sessions.push(...(page.Items ?? []).map(fromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return sessions;
  };

  return {
    activeSessionsNear: (userId, fromMs, toMs) =>
      queryAll({
        TableName: tables.sessions,
        IndexName: ACTIVE_BY_END_INDEX,
        KeyConditionExpression: 'user_id = :user AND active_end_ms >= :from',
        FilterExpression: 'start_ms <= :to',
        ExpressionAttributeValues: { ':user': { S: userId }, ':from': { N: String(fromMs) }, ':to': { N: String(toMs) } },
      }),

    async lastSessionNo(userId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tables.sessions, Key: { user_id: { S: userId }, session_no: { N: String(COUNTER_NO) } }, ConsistentRead: true }),
      );
      return Item?.last_session_no?.N ? Number(Item.last_session_no.N) : 0;
    },

    async commit(change: SessionChange) {
      const user = { S: change.userId };
      const claims: TransactWriteItem[] = change.claims.map(({ eventKey, expiresAt }) => ({
        Put: {
          TableName: tables.sessionEvents,
          Item: { user_id: user, event_key: { S: eventKey }, ...(expiresAt === undefined ? {} : { expires_at: { N: String(expiresAt) } }) },
          ConditionExpression: 'attribute_not_exists(event_key)',
        },
      }));
      const writes: TransactWriteItem[] = change.writes.map(({ session, expectedVersion }) => ({
        Put: {
          TableName: tables.sessions,
          Item: toItem(session),
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(session_no)' }
            : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } } }),
        },
      }));
      const counter: TransactWriteItem[] = change.sessionNumbers
        ? [
            {
              Put: {
                TableName: tables.sessions,
                Item: { user_id: user, session_no: { N: String(COUNTER_NO) }, last_session_no: { N: String(change.sessionNumbers.to) } },
                ...(change.sessionNumbers.from === 0
                  ? { ConditionExpression: 'attribute_not_exists(session_no)' }
                  : { ConditionExpression: 'last_session_no = :from', ExpressionAttributeValues: { ':from': { N: String(change.sessionNumbers.from) } } }),
              },
            },
          ]
        : [];
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: [...claims, ...writes, ...counter] }));
        return { alreadyClaimed: [] };
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        const alreadyClaimed = change.claims.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((claim) => claim.eventKey);
        if (alreadyClaimed.length > 0) return { alreadyClaimed };
        if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) throw new ConcurrentSessionChangeError(change.userId, { cause: error });
        throw error;
      }
    },

    sessionsOf: (userId) =>
      queryAll({
        TableName: tables.sessions,
        KeyConditionExpression: 'user_id = :user AND session_no >= :first',
        ExpressionAttributeValues: { ':user': { S: userId }, ':first': { N: '1' } },
      }),
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
    ...(s.status === 'active' ? { active_end_ms: { N: String(s.endMs) } } : {}),
    event_count: { N: String(s.eventCount) },
    device_type: { S: s.deviceType },
    entry_key: { S: s.entryKey },
    entry_event: { S: s.entryEvent },
    exit_key: { S: s.exitKey },
    exit_event: { S: s.exitEvent },
    updated_at: { S: s.updatedAt },
    version: { N: String(s.version) },
  };
}

function fromItem(item: Record<string, AttributeValue>): StoredSession {
  return {
    userId: item.user_id!.S!,
    sessionNo: Number(item.session_no!.N),
    status: item.status!.S === 'merged' ? 'merged' : 'active',
    ...(item.merged_into?.S ? { mergedInto: item.merged_into.S } : {}),
    startMs: Number(item.start_ms!.N),
    endMs: Number(item.end_ms!.N),
    eventCount: Number(item.event_count!.N),
    deviceType: item.device_type!.S!,
    entryKey: item.entry_key!.S!,
    entryEvent: item.entry_event!.S!,
    exitKey: item.exit_key!.S!,
    exitEvent: item.exit_event!.S!,
    updatedAt: item.updated_at!.S!,
    version: Number(item.version!.N),
  };
}
