import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CreateTableCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '../../src/clients.js';
import { startDynamoDbGroupCommit, type DynamoDbGroupCommit } from '../../src/emulators/startDynamoDbGroupCommit.js';
import { startDynamoDbLocal } from '../../src/emulators/startDynamoDbLocal.js';
import type { Emulator } from '../../src/emulators/types.js';
import { freePort } from '../../src/net/freePort.js';

/*
 * The group commit in front of the real DynamoDB Local, driven by the AWS SDK
 * as the functions drive it: concurrent single-item writes go to DynamoDB Local together, and every
 * caller gets the answer its own call deserves.
 */
const TABLE = 'group-commit';

describe('the DynamoDB group commit', () => {
  let dataDir: string;
  let dynamoDbLocal: Emulator;
  let front: DynamoDbGroupCommit;
  let direct: DynamoDBClient;
  let client: DynamoDBClient;
  const read = async (pk: string) =>
    (await direct.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'local-cloud-group-commit-'));
    dynamoDbLocal = await startDynamoDbLocal({ port: await freePort(), dataDir, inMemory: true });
    direct = localDynamoDbClient(dynamoDbLocal.endpoint);
    await direct.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    front = await startDynamoDbGroupCommit(dynamoDbLocal.endpoint);
    client = localDynamoDbClient(front.endpoint);
  }, 60_000);

  afterAll(async () => {
    client?.destroy();
    direct?.destroy();
    await front?.stop();
    await dynamoDbLocal?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores concurrent conditional puts in fewer requests, and fails exactly those whose condition fails', async () => {
    // Prepare: items 0-9 exist; 40 puts race, the even ones on condition that their item does not exist yet
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        direct.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: `put-${i}` }, v: { N: '0' } } })),
      ),
    );
    const groupsBefore = front.stats.groups;

    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        client.send(
          new PutItemCommand({
            TableName: TABLE,
            Item: { pk: { S: `put-${i}` }, v: { N: '1' } },
            ...(i % 2 === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          }),
        ),
      ),
    );

    // Assess: the even puts on items 0-9 failed their condition; everything else is stored
    const failed = results.flatMap((result, i) =>
      result.status === 'rejected' ? [[i, (result.reason as Error).name]] : [],
    );
    expect(failed).toStrictEqual([0, 2, 4, 6, 8].map((i) => [i, 'ConditionalCheckFailedException']));
    const stored = await Promise.all(Array.from({ length: 40 }, async (_, i) => (await read(`put-${i}`))?.v?.N));
    expect(stored).toStrictEqual(Array.from({ length: 40 }, (_, i) => (i < 10 && i % 2 === 0 ? '0' : '1')));
    expect(front.stats.groups - groupsBefore).toBeLessThan(40);
  });

  it('returns the old item with a failed condition when the caller asked for it', async () => {
    // Prepare
    await direct.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'old' }, wm: { S: '0099' } } }));
    const update = (pk: string) =>
      client.send(
        new UpdateItemCommand({
          TableName: TABLE,
          Key: { pk: { S: pk } },
          UpdateExpression: 'SET wm = :wm',
          ConditionExpression: 'attribute_not_exists(wm) OR wm < :wm',
          ExpressionAttributeValues: { ':wm': { S: '0050' } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );

    // Act
    const [refused, fresh] = await Promise.allSettled([update('old'), update('fresh')]);

    // Assess
    expect(refused).toMatchObject({
      status: 'rejected',
      reason: { name: 'ConditionalCheckFailedException', Item: { pk: { S: 'old' }, wm: { S: '0099' } } },
    });
    expect(fresh.status).toBe('fulfilled');
    expect(await read('fresh')).toStrictEqual({ pk: { S: 'fresh' }, wm: { S: '0050' } });
  });

  it('applies each of many concurrent updates of one item once, in groups of distinct items', async () => {
    // Act: 30 increments of one item and a delete of another, at once
    await direct.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'gone' } } }));
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) =>
        client.send(
          new UpdateItemCommand({
            TableName: TABLE,
            Key: { pk: { S: 'counter' } },
            UpdateExpression: 'ADD n :one, acc_sum :i',
            ExpressionAttributeValues: { ':one': { N: '1' }, ':i': { N: String(i) } },
          }),
        ),
      ),
      client.send(new DeleteItemCommand({ TableName: TABLE, Key: { pk: { S: 'gone' } } })),
    ]);

    // Assess
    expect(await read('counter')).toStrictEqual({
      pk: { S: 'counter' },
      n: { N: '30' },
      acc_sum: { N: String((29 * 30) / 2) },
    });
    expect(await read('gone')).toBeUndefined();
  });

  it('passes a write that asks for returned values through, with the engine’s own answer', async () => {
    // Act
    const answer = await client.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: { pk: { S: 'returned' } },
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
        ReturnValues: 'ALL_NEW',
      }),
    );

    // Assess
    expect(answer.Attributes).toStrictEqual({ pk: { S: 'returned' }, n: { N: '1' } });
  });

  it('answers a write the engine refuses with the engine’s own error', async () => {
    // Act: a put without the table's key
    const result = client.send(new PutItemCommand({ TableName: TABLE, Item: { other: { S: 'x' } } }));

    // Assess
    await expect(result).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
