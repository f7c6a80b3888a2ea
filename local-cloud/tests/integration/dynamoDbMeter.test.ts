import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '../../src/clients.js';
import { startDynamoDbLocal } from '../../src/emulators/startDynamoDbLocal.js';
import type { Emulator } from '../../src/emulators/types.js';
import { startDynamoDbMeter, type DynamoDbMeter, type DynamoDbUnits } from '../../src/metering/startDynamoDbMeter.js';
import { freePort } from '../../src/net/freePort.js';

/*
 * The DynamoDB meter in front of the real DynamoDB Local, driven by the AWS SDK as the functions
 * drive it: each caller's request units as DynamoDB bills them, and answers as the caller asked.
 */
const TABLE = 'metered-items';
const KILOBYTE_AND_A_HALF = 'x'.repeat(1_536 - 'pk'.length - 'item-1'.length - 'v'.length);

describe('the DynamoDB meter', () => {
  let dataDir: string;
  let dynamoDb: Emulator;
  let meter: DynamoDbMeter;
  const counted: { scope: string; units: DynamoDbUnits }[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-meter-'));
    dynamoDb = await startDynamoDbLocal({ port: await freePort(), dataDir, inMemory: true });
    meter = await startDynamoDbMeter(dynamoDb.endpoint, (scope, units) => counted.push({ scope, units }));
    await localDynamoDbClient(dynamoDb.endpoint).send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await meter?.stop();
    await dynamoDb?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => counted.splice(0));

  it('counts a 1.5 KB put as 2 write units, and 4 in a transaction, under the caller’s scope', async () => {
    // Prepare
    const client = localDynamoDbClient(meter.endpointFor('sdp-probe-local-writer'));

    // Act
    const put = await client.send(
      new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'item-1' }, v: { S: KILOBYTE_AND_A_HALF } } }),
    );
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [{ Put: { TableName: TABLE, Item: { pk: { S: 'item-2' }, v: { S: KILOBYTE_AND_A_HALF } } } }],
      }),
    );

    // Assess
    expect(put.ConsumedCapacity).toBeUndefined();
    expect(counted).toStrictEqual([
      { scope: 'sdp-probe-local-writer', units: { readRequestUnits: 0, writeRequestUnits: 2 } },
      { scope: 'sdp-probe-local-writer', units: { readRequestUnits: 0, writeRequestUnits: 4 } },
    ]);
  });

  it('counts a transaction item by item, as DynamoDB bills it: writes 2 units per started KB, condition checks 2 read units', async () => {
    // Prepare
    const client = localDynamoDbClient(meter.endpointFor('sdp-probe-local-transactions'));
    await client.send(
      new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'big' }, v: { S: KILOBYTE_AND_A_HALF } } }),
    );
    counted.splice(0);

    // Act
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          ...Array.from({ length: 10 }, (_, n) => ({ Put: { TableName: TABLE, Item: { pk: { S: `small-${n}` } } } })),
          {
            Update: {
              TableName: TABLE,
              Key: { pk: { S: 'big' } },
              UpdateExpression: 'SET n = :one',
              ExpressionAttributeValues: { ':one': { N: '1' } },
            },
          },
          {
            ConditionCheck: {
              TableName: TABLE,
              Key: { pk: { S: 'item-1' } },
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        ],
      }),
    );
    const read = await client.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: TABLE, Key: { pk: { S: 'big' } } } },
          { Get: { TableName: TABLE, Key: { pk: { S: 'small-0' } } } },
        ],
      }),
    );

    // Assess
    expect(read.Responses).toHaveLength(2);
    expect(counted).toStrictEqual([
      // ten small puts at 2, the 1.5 KB item updated at 4; the check of a 1.5 KB item at 2 read units
      { scope: 'sdp-probe-local-transactions', units: { readRequestUnits: 2, writeRequestUnits: 24 } },
      { scope: 'sdp-probe-local-transactions', units: { readRequestUnits: 4, writeRequestUnits: 0 } },
    ]);
  });

  it('counts reads by consistency, a failed condition as a write, and answers as asked', async () => {
    // Prepare
    const client = localDynamoDbClient(meter.endpointFor('sdp-probe-local-reader'));
    await client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'item-3' } } }));
    counted.splice(0);

    // Act
    const eventual = await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'item-3' } } }));
    const strong = await client.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { pk: { S: 'item-3' } },
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const refused = await client
      .send(
        new UpdateItemCommand({
          TableName: TABLE,
          Key: { pk: { S: 'item-3' } },
          UpdateExpression: 'SET n = :one',
          ConditionExpression: 'attribute_exists(n)',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      )
      .catch((error: Error) => error.name);

    // Assess
    expect(eventual.Item).toStrictEqual({ pk: { S: 'item-3' } });
    expect(eventual.ConsumedCapacity).toBeUndefined();
    expect(strong.ConsumedCapacity).toStrictEqual({ TableName: TABLE, CapacityUnits: 1 });
    expect(refused).toBe('ConditionalCheckFailedException');
    expect(counted).toStrictEqual([
      { scope: 'sdp-probe-local-reader', units: { readRequestUnits: 0.5, writeRequestUnits: 0 } },
      { scope: 'sdp-probe-local-reader', units: { readRequestUnits: 1, writeRequestUnits: 0 } },
      { scope: 'sdp-probe-local-reader', units: { readRequestUnits: 0, writeRequestUnits: 1 } },
    ]);
  });

  it('passes a large answer back whole (DynamoDB Local sends it in chunks)', async () => {
    // Prepare
    const client = localDynamoDbClient(meter.endpointFor('sdp-probe-local-scanner'));
    for (let batch = 0; batch < 4; batch++) {
      const RequestItems = {
        [TABLE]: Array.from({ length: 25 }, (_, n) => ({
          PutRequest: { Item: { pk: { S: `scanned-${batch}-${n}` }, v: { S: KILOBYTE_AND_A_HALF } } },
        })),
      };
      await client.send(new BatchWriteItemCommand({ RequestItems }));
    }
    counted.splice(0);

    // Act
    const scanned = await client.send(new ScanCommand({ TableName: TABLE }));

    // Assess
    expect(scanned.Items!.filter((item) => item.pk!.S!.startsWith('scanned-')).length).toBe(100);
    expect(scanned.Items!.every((item) => item.pk!.S !== undefined)).toBe(true);
    expect(counted.map(({ scope }) => scope)).toStrictEqual(['sdp-probe-local-scanner']);
    expect(counted[0]!.units.readRequestUnits).toBeGreaterThan(0);
  });
});
