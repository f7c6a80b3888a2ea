import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateTableCommand, type DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { localDynamoDbClient, localDynamoDbStreamsClient, localKinesisClient } from '../../src/clients.js';
import { startDynamoDbLocal } from '../../src/emulators/startDynamoDbLocal.js';
import type { Emulator } from '../../src/emulators/types.js';
import {
  createEventSourceMapping,
  type EventSourceMapping,
  fileOnFailureSink,
  type StreamTrigger,
} from '../../src/eventSources/index.js';
import { freePort } from '../../src/net/freePort.js';

jest.setTimeout(60_000);

interface DynamoDbEventRecord {
  eventName: string;
  dynamodb: { Keys: { pk: { S: string } }; NewImage?: { count: { N: string } } };
}

let dynamoDbLocal: Emulator;
let dynamoDb: DynamoDBClient;
let dynamoDbStreams: DynamoDBStreamsClient;
let kinesis: KinesisClient;
let workDir: string;
const mappings: EventSourceMapping[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'sdp-esm-dynamodb-'));
  dynamoDbLocal = await startDynamoDbLocal({ port: await freePort(), dataDir: join(workDir, 'dynamodb') });
  dynamoDb = localDynamoDbClient(dynamoDbLocal.endpoint);
  dynamoDbStreams = localDynamoDbStreamsClient(dynamoDbLocal.endpoint);
  kinesis = localKinesisClient(dynamoDbLocal.endpoint);
});

afterAll(async () => {
  await Promise.all(mappings.splice(0).map((mapping) => mapping.stop()));
  dynamoDb?.destroy();
  dynamoDbStreams?.destroy();
  kinesis?.destroy();
  await dynamoDbLocal?.stop();
  await rm(workDir, { recursive: true, force: true });
});

const aTableWithStream = async (tableName: string): Promise<string> => {
  const table = await dynamoDb.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return table.TableDescription?.LatestStreamArn ?? '';
};

const aTrigger = (overrides: Partial<StreamTrigger> & Pick<StreamTrigger, 'streamArn'>): StreamTrigger => ({
  functionName: 'sdp-aggregate-local-countCampaign',
  kind: 'dynamodb',
  batchSize: 100,
  maximumBatchingWindowInSeconds: 0,
  startingPosition: 'LATEST',
  maximumRetryAttempts: -1,
  maximumRecordAgeInSeconds: -1,
  bisectBatchOnFunctionError: false,
  reportBatchItemFailures: false,
  ...overrides,
});

const waitUntil = async (condition: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
};

describe('DynamoDB Streams event source mapping', () => {
  it('delivers item changes written after start once and in order, in the Lambda DynamoDB event shape', async () => {
    // Prepare
    const streamArn = await aTableWithStream('campaign-counts');
    const stateDir = await mkdtemp(join(workDir, 'state-'));
    const records: DynamoDbEventRecord[] = [];
    const invoke = async (event: unknown): Promise<unknown> => {
      records.push(...(event as { Records: DynamoDbEventRecord[] }).Records);
      return undefined;
    };
    const mapping = createEventSourceMapping(aTrigger({ streamArn, batchSize: 2 }), invoke, {
      kinesisEndpoint: dynamoDbLocal.endpoint,
      dynamoDbEndpoint: dynamoDbLocal.endpoint,
      stateDir,
      onFailure: fileOnFailureSink(join(stateDir, 'on-failure')),
    });
    mappings.push(mapping);
    await mapping.start();
    // Let the poller read the empty shard first: that is when DynamoDB Local trims the iterator chain.
    await sleep(500);

    // Act
    for (const pk of ['c1', 'c2', 'c3', 'c4', 'c5']) {
      await dynamoDb.send(
        new PutItemCommand({ TableName: 'campaign-counts', Item: { pk: { S: pk }, count: { N: '1' } } }),
      );
    }
    await dynamoDb.send(
      new UpdateItemCommand({
        TableName: 'campaign-counts',
        Key: { pk: { S: 'c2' } },
        UpdateExpression: 'SET #count = :two',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':two': { N: '2' } },
      }),
    );
    await waitUntil(() => records.length >= 6);
    await sleep(500);

    // Assess
    expect(records.map((record) => [record.eventName, record.dynamodb.Keys.pk.S])).toStrictEqual([
      ['INSERT', 'c1'],
      ['INSERT', 'c2'],
      ['INSERT', 'c3'],
      ['INSERT', 'c4'],
      ['INSERT', 'c5'],
      ['MODIFY', 'c2'],
    ]);
    expect(records[5]).toStrictEqual({
      eventID: expect.any(String),
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: 'c2' } },
        NewImage: { pk: { S: 'c2' }, count: { N: '2' } },
        OldImage: { pk: { S: 'c2' }, count: { N: '1' } },
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: streamArn,
    });
    expect(mapping.stats()).toStrictEqual({ delivered: 6, failedInvocations: 0, sentToOnFailure: 0, lagMs: 0 });
  });
});
