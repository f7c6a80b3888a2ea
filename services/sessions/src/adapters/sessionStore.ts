import { PutItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mapWithConcurrency } from '@sdp/shared-runtime';
import { batchGetItems } from '@sdp/shared-streams';
import { WRITE_CONCURRENCY } from '../domain/constants.js';
import { sessionIdOf } from '../domain/sessionIdOf.js';
import { storedSessionOf } from '../domain/storedSessionOf.js';
import type { CommitOutcome, SessionChange, SessionStore, StoredSession, UserSessions } from '../domain/types.js';
import { fromStateImage, STATE_SESSION_NO, toStateImage } from '../domain/userStateImage.js';
import { userStateKeyOf } from './userStateItem.js';

export interface SessionTables {
  /** Sessions by `user_id` and `session_no`; item 0 is the user's state with its recent sessions, the others are archived sessions */
  sessions: string;
}

/** Archived sessions of one user written at once. */
const ARCHIVE_CONCURRENCY = 8;

/**
 * The `SessionStore` on DynamoDB (docs/adr/0019-counting-per-batch.md). A user's state is item 0 of
 * its sessions (`session_no` 0): last number, horizon, version, and the recent active sessions with
 * their events' keys (`toStateImage`), read 100 users per `BatchGetItem`. A user's change
 * writes the sessions that leave its state as items of their own (plain puts: their content is
 * final, so writing them again is harmless), then its state with one `PutItem` on condition
 * that the version is still the one read. No transaction: one item holds all a step changes.
 *
 * @example
 * const store = dynamoDbSessionStore(new DynamoDBClient({}), { sessions: 'sdp-sessions-dev-sessions' });
 * const states = await store.loadUsers(['u1', 'u2']);
 */
export function dynamoDbSessionStore(client: DynamoDBClient, tables: SessionTables): SessionStore {
  // Plain puts, not BatchWriteItem: the same write units on AWS, and the local cloud commits concurrent puts together.
  const writeArchives = async (sessions: readonly StoredSession[]): Promise<void> => {
    await mapWithConcurrency(sessions, ARCHIVE_CONCURRENCY, (session) =>
      client.send(new PutItemCommand({ TableName: tables.sessions, Item: toItem(session) })),
    );
  };

  const writeState = async (state: UserSessions): Promise<boolean> => {
    try {
      await client.send(
        new PutItemCommand({
          TableName: tables.sessions,
          Item: marshall(toStateImage(state)),
          ...(state.version === 1
            ? { ConditionExpression: 'attribute_not_exists(session_no)' }
            : {
                ConditionExpression: 'version = :read',
                ExpressionAttributeValues: { ':read': { N: String(state.version - 1) } },
              }),
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  };

  return {
    async loadUsers(userIds) {
      const items = await batchGetItems(client, tables.sessions, userIds.map(userStateKeyOf), { consistentRead: true });
      return new Map(items.map((item) => fromStateImage(unmarshall(item))).map((state) => [state.userId, state]));
    },

    async commit(changes: readonly SessionChange[]) {
      const outcome: CommitOutcome = { applied: new Set(), conflicted: new Set(), failed: new Map() };
      await mapWithConcurrency(changes, WRITE_CONCURRENCY, async (change) => {
        try {
          await writeArchives(change.archives);
          if (await writeState(change.state)) outcome.applied.add(change.userId);
          else outcome.conflicted.add(change.userId);
        } catch (error) {
          outcome.failed.set(change.userId, error);
        }
      });
      return outcome;
    },

    async sessionsOf(userId) {
      const archived = new Map<number, StoredSession>();
      let state: UserSessions | undefined;
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tables.sessions,
            KeyConditionExpression: 'user_id = :user AND session_no >= :first',
            ExpressionAttributeValues: { ':user': { S: userId }, ':first': { N: String(STATE_SESSION_NO) } },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of (page.Items ?? []).map((raw) => unmarshall(raw))) {
          if (Number(item.session_no) === STATE_SESSION_NO) state = fromStateImage(item);
          else {
            const session = storedSessionOf(item);
            if (session) archived.set(session.sessionNo, session);
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
      // A recent session is the truth; an archived one of the same number is older.
      for (const { eventKeys: _keys, ...session } of state?.recent ?? []) archived.set(session.sessionNo, session);
      return [...archived.values()];
    },
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
