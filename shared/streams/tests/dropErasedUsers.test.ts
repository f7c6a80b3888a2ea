import { GetItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  dropErasedUsers,
  dynamoDbErasedUsers,
  TOMBSTONES_VERSION_KEY,
  tombstoneItemOf,
  tombstoneKeyOf,
  userIdsInRecord,
  userKeyOf,
  type Tombstone,
} from '../src/index.js';

const LIFTED_AT = '2026-12-07T09:00:00.000Z';
const tombstone = (userId: string, lifted = false): Tombstone => ({
  userKey: userKeyOf(userId),
  status: lifted ? 'lifted' : 'erased',
  erasedAt: '2026-12-07T08:00:00.000Z',
  erasureId: `e-${userId}`,
  ...(lifted ? { liftedAt: LIFTED_AT } : {}),
});
const byKey = (...tombstones: Tombstone[]) => new Map(tombstones.map((t) => [t.userKey, t]));

describe('dropErasedUsers', () => {
  it("drops an erased user's records whenever they arrived, and a lifted user's only if they arrived before the lift", () => {
    // Prepare
    const before = Date.parse(LIFTED_AT) - 1;
    const after = Date.parse(LIFTED_AT) + 1;
    const records = [
      { id: 1, userIds: ['erased'], arrivalMs: after },
      { id: 2, userIds: ['lifted'], arrivalMs: before },
      { id: 3, userIds: ['lifted'], arrivalMs: after },
      { id: 4, userIds: ['other'], arrivalMs: before },
      { id: 5, userIds: ['lifted'], arrivalMs: undefined },
      { id: 6, userIds: [], arrivalMs: before },
      { id: 7, userIds: ['erased'], arrivalMs: undefined },
      { id: 8, userIds: ['other', 'erased'], arrivalMs: after },
    ];

    // Act
    const result = dropErasedUsers(records, (record) => record, byKey(tombstone('erased'), tombstone('lifted', true)));

    // Assess
    expect({ kept: result.kept.map((record) => record.id), dropped: result.dropped }).toStrictEqual({
      kept: [3, 4, 5, 6],
      dropped: 4,
    });
  });

  it('keeps every record when no user was ever erased', () => {
    // Act
    const result = dropErasedUsers([{ userIds: ['u1'], arrivalMs: 1 }], (record) => record, new Map());

    // Assess
    expect(result).toStrictEqual({ kept: [{ userIds: ['u1'], arrivalMs: 1 }], dropped: 0 });
  });
});

describe('userIdsInRecord', () => {
  it('finds the user of a clickstream envelope and of a session, and none in other data', () => {
    // Act
    const found = [
      '{"schema_version":1,"type":"clickstream","data":{"user_id":"u1","event_name":"detail"}}',
      '{"session_id":"u2_1","user_id":"u2","status":"active"}',
      '{"schema_version":1,"type":"bid","data":{"tx_id":"t1","app_uid":"a1"}}',
      'null',
      'not json',
    ].map(userIdsInRecord);

    // Assess
    expect(found).toStrictEqual([['u1'], ['u2'], [], [], []]);
  });
});

describe('dynamoDbErasedUsers', () => {
  /** A table in memory behind the two calls the reader makes, counting them. */
  function fakeTable() {
    const items = new Map<string, Record<string, unknown>>();
    const calls: string[] = [];
    const put = (item: Record<string, { S?: string; N?: string }>) => void items.set(item.user_key!.S!, item);
    const client = {
      send: async (command: unknown) => {
        if (command instanceof GetItemCommand) {
          calls.push('GetItem');
          return { Item: items.get(command.input.Key!.user_key!.S!) };
        }
        if (command instanceof ScanCommand) {
          calls.push('Scan');
          return { Items: [...items.values()] };
        }
        throw new Error('unexpected command');
      },
    } as unknown as DynamoDBClient;
    return { client, calls, put };
  }

  it('reads the version item once per batch and scans the tombstones again only when a change raised it', async () => {
    // Prepare
    const table = fakeTable();
    const erased = dynamoDbErasedUsers(table.client, 'erased-users');
    table.put({ ...tombstoneKeyOf(TOMBSTONES_VERSION_KEY), version: { N: '1' } });
    table.put(tombstoneItemOf(tombstone('u1')) as Record<string, { S?: string }>);

    // Act
    const first = await erased.current();
    const second = await erased.current();
    table.put(tombstoneItemOf(tombstone('u2')) as Record<string, { S?: string }>);
    table.put({ ...tombstoneKeyOf(TOMBSTONES_VERSION_KEY), version: { N: '2' } });
    const third = await erased.current();

    // Assess
    expect([...first.values()]).toStrictEqual([tombstone('u1')]);
    expect(second).toBe(first);
    expect([...third.keys()].sort()).toStrictEqual([userKeyOf('u1'), userKeyOf('u2')].sort());
    expect(table.calls).toStrictEqual(['GetItem', 'Scan', 'GetItem', 'GetItem', 'Scan']);
  });
});
