import { CreateTableCommand, GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { addAbovePosition, type CountedItem, type Positioned } from '@sdp/shared-streams';
import { localDynamoDbClient } from '@sdp/local-cloud';
import { sharedTestCloud } from './support/sharedCloud.js';
import type { TestCloud } from './support/testCloud.js';

/** A table of this suite alone on the shared cloud's DynamoDB Local. */
const TABLE = `positions-${process.pid}-${Date.now()}`;
const SHARD_A = 'shardId-000000000000';
const SHARD_B = 'shardId-000000000001';

/** The n-th record of a shard, worth `n` (so sums tell exactly which records were added). */
const recordAt = (n: number, shardId = SHARD_A): Positioned<number> => ({
  shardId,
  sequenceNumber: `4${String(n).padStart(55, '0')}`,
  value: n,
});
const range = (from: number, to: number, shardId = SHARD_A) =>
  Array.from({ length: to - from }, (_, i) => recordAt(from + i, shardId));

function itemOf(id: string): CountedItem<number> {
  return {
    tableName: TABLE,
    key: { id: { S: id } },
    incrementOf: (records) => ({
      add: { total: records.reduce((sum, record) => sum + record.value, 0), records: records.length },
      set: { kind: { S: 'test' } },
    }),
  };
}

describe('addAbovePosition on DynamoDB Local', () => {
  let cloud: TestCloud;
  let dynamoDb: DynamoDBClient;
  const read = async (id: string) =>
    unmarshall(
      (await dynamoDb.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: id } }, ConsistentRead: true })))
        .Item ?? {},
    );
  const sum = (from: number, to: number) => ((from + to - 1) * (to - from)) / 2;

  beforeAll(async () => {
    cloud = await sharedTestCloud();
    dynamoDb = localDynamoDbClient(cloud.dynamoDbEndpoint);
    await dynamoDb.send(
      new CreateTableCommand({
        TableName: TABLE,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  });

  afterAll(() => dynamoDb?.destroy());

  it('adds a batch in one write and records the position of its last record', async () => {
    // Act
    const count = await addAbovePosition(dynamoDb, itemOf('fresh'), range(1, 11));

    // Assess
    expect(count).toStrictEqual({ counted: 10, duplicates: 0 });
    expect(await read('fresh')).toStrictEqual({
      id: 'fresh',
      total: sum(1, 11),
      records: 10,
      kind: 'test',
      [`wm_${SHARD_A}`]: `056${recordAt(10).sequenceNumber}`,
    });
  });

  it('adds each record once however a shard is re-delivered: again whole, a suffix with new records, halves out of order', async () => {
    // Prepare
    const item = itemOf('redelivered');
    await addAbovePosition(dynamoDb, item, range(1, 21));

    // Act
    const counts = [
      await addAbovePosition(dynamoDb, item, range(1, 21)),
      await addAbovePosition(dynamoDb, item, range(15, 31)),
      await addAbovePosition(dynamoDb, item, range(1, 10)),
      await addAbovePosition(dynamoDb, item, range(25, 41)),
    ];

    // Assess
    expect(counts).toStrictEqual([
      { counted: 0, duplicates: 20 },
      { counted: 10, duplicates: 6 },
      { counted: 0, duplicates: 9 },
      { counted: 10, duplicates: 6 },
    ]);
    expect(await read('redelivered')).toMatchObject({ total: sum(1, 41), records: 40 });
  });

  it('keeps one position per shard, so two shards writing one item never hide each other', async () => {
    // Prepare: shard B's positions are lower numbers than shard A's
    const item = itemOf('two-shards');

    // Act
    await addAbovePosition(dynamoDb, item, range(100, 110, SHARD_A));
    await addAbovePosition(dynamoDb, item, range(1, 5, SHARD_B));
    await addAbovePosition(dynamoDb, item, range(100, 112, SHARD_A));
    await addAbovePosition(dynamoDb, item, range(1, 7, SHARD_B));

    // Assess
    expect(await read('two-shards')).toMatchObject({ total: sum(100, 112) + sum(1, 7), records: 18 });
  });

  it('orders sequence numbers by value, whatever their length', async () => {
    // Prepare: a 55-digit position, then 56 and 57 digits (as text, '9…' sorts after '10…')
    const item = itemOf('lengths');
    const short = { shardId: SHARD_A, sequenceNumber: '9'.repeat(55), value: 1 };
    const longer = { shardId: SHARD_A, sequenceNumber: `1${'0'.repeat(55)}`, value: 2 };
    const longest = { shardId: SHARD_A, sequenceNumber: `1${'0'.repeat(56)}`, value: 4 };

    // Act
    const counts = [
      await addAbovePosition(dynamoDb, item, [short]),
      await addAbovePosition(dynamoDb, item, [longer, longest]),
      await addAbovePosition(dynamoDb, item, [short, longer]),
    ];

    // Assess
    expect(counts).toStrictEqual([
      { counted: 1, duplicates: 0 },
      { counted: 2, duplicates: 0 },
      { counted: 0, duplicates: 2 },
    ]);
    expect(await read('lengths')).toMatchObject({ total: 7, records: 3 });
  });

  it('adds a replayed record once, however often it is replayed, beside the stream positions', async () => {
    // Prepare: record 5 of shard A was set aside; the stream went on past it
    const item = itemOf('replays');
    await addAbovePosition(dynamoDb, item, [...range(1, 5), ...range(6, 10)]);
    const replay = { ...recordAt(5), shardId: `${SHARD_A}-replay` };

    // Act
    const counts = [await addAbovePosition(dynamoDb, item, [replay]), await addAbovePosition(dynamoDb, item, [replay])];

    // Assess
    expect(counts).toStrictEqual([
      { counted: 1, duplicates: 0 },
      { counted: 0, duplicates: 1 },
    ]);
    expect(await read('replays')).toStrictEqual({
      id: 'replays',
      total: sum(1, 10),
      records: 9,
      kind: 'test',
      [`wm_${SHARD_A}`]: `056${recordAt(9).sequenceNumber}`,
      replayed: new Set([`${SHARD_A}#056${recordAt(5).sequenceNumber}`]),
    });
  });

  it('adds each record once when writers of one shard race (a zombie invocation beside its successors)', async () => {
    // Prepare: every delivery of a shard starts at or before its first record not yet counted
    const item = itemOf('race');

    // Act
    const counts = await Promise.all([
      addAbovePosition(dynamoDb, item, range(1, 30)),
      addAbovePosition(dynamoDb, item, range(1, 40)),
      addAbovePosition(dynamoDb, item, range(1, 35)),
    ]);

    // Assess
    expect(counts.reduce((total, count) => total + count.counted, 0)).toBe(39);
    expect(await read('race')).toMatchObject({ total: sum(1, 40), records: 39 });
  });
});
