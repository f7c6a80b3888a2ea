import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateStreamCommand,
  type KinesisClient,
  PutRecordCommand,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { localDynamoDbStreamsClient, localKinesisClient } from '../../src/clients.js';
import { startKinesalite } from '../../src/emulators/startKinesalite.js';
import type { Emulator } from '../../src/emulators/types.js';
import {
  createEventSourceMapping,
  type EventSourceMapping,
  fileOnFailureSink,
  type StreamTrigger,
} from '../../src/eventSources/index.js';
import { freePort } from '../../src/net/freePort.js';

jest.setTimeout(30_000);

interface KinesisEventRecord {
  eventID: string;
  kinesis: { sequenceNumber: string; data: string; approximateArrivalTimestamp: number };
}
interface KinesisEvent {
  Records: KinesisEventRecord[];
}
interface PutResult {
  n: number;
  shardId: string;
  sequenceNumber: string;
}

let kinesalite: Emulator;
let kinesis: KinesisClient;
let dynamoDbStreams: DynamoDBStreamsClient;
let workDir: string;
const mappings: EventSourceMapping[] = [];
let streamCount = 0;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'sdp-esm-kinesis-'));
  kinesalite = await startKinesalite({ port: await freePort(), dataDir: join(workDir, 'kinesalite') });
  kinesis = localKinesisClient(kinesalite.endpoint);
  dynamoDbStreams = localDynamoDbStreamsClient(kinesalite.endpoint);
});

afterEach(async () => {
  await Promise.all(mappings.splice(0).map((mapping) => mapping.stop()));
});

afterAll(async () => {
  kinesis.destroy();
  dynamoDbStreams.destroy();
  await kinesalite.stop();
  await rm(workDir, { recursive: true, force: true });
});

const aStream = async (shardCount: number): Promise<{ name: string; arn: string }> => {
  streamCount += 1;
  const name = `events-${streamCount}`;
  await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shardCount }));
  await waitUntilStreamExists({ client: kinesis, maxWaitTime: 10, minDelay: 0.1 }, { StreamName: name });
  return { name, arn: `arn:aws:kinesis:us-east-1:000000000000:stream/${name}` };
};

const aTrigger = (overrides: Partial<StreamTrigger> & Pick<StreamTrigger, 'streamArn'>): StreamTrigger => ({
  functionName: 'sdp-enrich-local-joinEvents',
  kind: 'kinesis',
  batchSize: 100,
  maximumBatchingWindowInSeconds: 0,
  startingPosition: 'TRIM_HORIZON',
  maximumRetryAttempts: -1,
  maximumRecordAgeInSeconds: -1,
  bisectBatchOnFunctionError: false,
  reportBatchItemFailures: false,
  ...overrides,
});

const putNumbers = async (streamName: string, numbers: number[]): Promise<PutResult[]> => {
  const results: PutResult[] = [];
  for (const n of numbers) {
    const result = await kinesis.send(
      new PutRecordCommand({
        StreamName: streamName,
        PartitionKey: `key-${n}`,
        Data: Buffer.from(JSON.stringify({ n })),
      }),
    );
    results.push({ n, shardId: result.ShardId ?? '', sequenceNumber: result.SequenceNumber ?? '' });
  }
  return results;
};

const numberOf = (record: KinesisEventRecord): number =>
  (JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString()) as { n: number }).n;

const numbersOf = (event: unknown): number[] => (event as KinesisEvent).Records.map(numberOf);

const startMapping = async (trigger: StreamTrigger, invoke: (event: unknown) => Promise<unknown>, stateDir: string) => {
  const mapping = createEventSourceMapping(trigger, invoke, {
    kinesisEndpoint: kinesalite.endpoint,
    dynamoDbEndpoint: kinesalite.endpoint,
    stateDir,
    onFailure: fileOnFailureSink(join(stateDir, 'on-failure')),
  });
  mappings.push(mapping);
  await mapping.start();
  return mapping;
};

const waitUntil = async (condition: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
};

const readJsonLines = async (path: string): Promise<unknown[]> =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);

const arrivalIso = (record: KinesisEventRecord): string =>
  new Date(Math.round(record.kinesis.approximateArrivalTimestamp * 1000)).toISOString();

describe('Kinesis event source mapping', () => {
  it('delivers every record once, in order per shard, across shards, in batches of at most batchSize', async () => {
    // Prepare
    const stream = await aStream(2);
    const puts = await putNumbers(
      stream.name,
      Array.from({ length: 20 }, (_, n) => n),
    );
    const events: KinesisEvent[] = [];
    const invoke = async (event: unknown): Promise<unknown> => {
      events.push(event as KinesisEvent);
      return undefined;
    };

    // Act
    await startMapping(
      aTrigger({ streamArn: stream.arn, batchSize: 3 }),
      invoke,
      await mkdtemp(join(workDir, 'state-')),
    );
    await waitUntil(() => events.flatMap((event) => event.Records).length >= 20);
    await sleep(300);

    // Assess
    const delivered = events.flatMap((event) => event.Records);
    const shardOf = (record: KinesisEventRecord): string => record.eventID.split(':')[0] ?? '';
    const shards = [...new Set(puts.map((put) => put.shardId))].sort();
    expect(shards).toStrictEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(Math.max(...events.map((event) => event.Records.length))).toBe(3);
    for (const shardId of shards) {
      expect(delivered.filter((record) => shardOf(record) === shardId).map(numberOf)).toStrictEqual(
        puts.filter((put) => put.shardId === shardId).map((put) => put.n),
      );
    }
    const first = puts[0] as PutResult;
    expect(delivered.find((record) => numberOf(record) === 0)).toStrictEqual({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: 'key-0',
        sequenceNumber: first.sequenceNumber,
        data: Buffer.from(JSON.stringify({ n: 0 })).toString('base64'),
        approximateArrivalTimestamp: expect.any(Number),
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `${first.shardId}:${first.sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::000000000000:role/local',
      awsRegion: 'us-east-1',
      eventSourceARN: stream.arn,
    });
  });

  it('redelivers from the lowest reported item failure and never redelivers the records before it', async () => {
    // Prepare
    const stream = await aStream(1);
    const puts = await putNumbers(stream.name, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const sequenceOf = (n: number): string => puts[n]?.sequenceNumber ?? '';
    const invocations: number[][] = [];
    let failuresLeft = 1;
    const invoke = async (event: unknown): Promise<unknown> => {
      invocations.push(numbersOf(event));
      if (failuresLeft === 0) return { batchItemFailures: [] };
      failuresLeft -= 1;
      return { batchItemFailures: [{ itemIdentifier: sequenceOf(6) }, { itemIdentifier: sequenceOf(4) }] };
    };

    // Act
    const mapping = await startMapping(
      aTrigger({ streamArn: stream.arn, batchSize: 10, reportBatchItemFailures: true }),
      invoke,
      await mkdtemp(join(workDir, 'state-')),
    );
    await waitUntil(() => mapping.stats().delivered === 10);
    await sleep(300);

    // Assess
    expect(invocations).toStrictEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [4, 5, 6, 7, 8, 9],
    ]);
    expect(mapping.stats()).toStrictEqual({ delivered: 10, failedInvocations: 1, sentToOnFailure: 0, lagMs: 0 });
  });

  it('sends a record that keeps failing to the on-failure destination after maximumRetryAttempts and moves on', async () => {
    // Prepare
    const stream = await aStream(1);
    const puts = await putNumbers(stream.name, [0, 1, 2]);
    const stateDir = await mkdtemp(join(workDir, 'state-'));
    const invocations: number[][] = [];
    let poison: KinesisEventRecord | undefined;
    const invoke = async (event: unknown): Promise<unknown> => {
      invocations.push(numbersOf(event));
      const record = (event as KinesisEvent).Records[0] as KinesisEventRecord;
      if (numberOf(record) !== 0) return undefined;
      poison = record;
      throw new Error('cannot join event 0');
    };

    // Act
    const mapping = await startMapping(
      aTrigger({
        streamArn: stream.arn,
        batchSize: 1,
        maximumRetryAttempts: 2,
        onFailureArn: 'arn:aws:sqs:us-east-1:000000000000:enrich-dlq',
      }),
      invoke,
      stateDir,
    );
    await waitUntil(() => mapping.stats().delivered === 2);

    // Assess
    expect(invocations).toStrictEqual([[0], [0], [0], [1], [2]]);
    const poisonRecord = poison as KinesisEventRecord;
    expect(await readJsonLines(join(stateDir, 'on-failure', 'enrich-dlq.jsonl'))).toStrictEqual([
      {
        requestContext: {
          requestId: expect.any(String),
          functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:sdp-enrich-local-joinEvents',
          condition: 'RetryAttemptsExhausted',
          approximateInvokeCount: 3,
        },
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        version: '1.0',
        timestamp: expect.any(String),
        KinesisBatchInfo: {
          shardId: 'shardId-000000000000',
          startSequenceNumber: puts[0]?.sequenceNumber,
          endSequenceNumber: puts[0]?.sequenceNumber,
          approximateArrivalOfFirstRecord: arrivalIso(poisonRecord),
          approximateArrivalOfLastRecord: arrivalIso(poisonRecord),
          batchSize: 1,
          streamArn: stream.arn,
        },
      },
    ]);
    expect(mapping.stats()).toStrictEqual({ delivered: 2, failedInvocations: 3, sentToOnFailure: 1, lagMs: 0 });
  });

  it('bisects a failing batch until only the poison record goes to the on-failure destination', async () => {
    // Prepare
    const stream = await aStream(1);
    const puts = await putNumbers(stream.name, [0, 1, 2, 3, 4, 5, 6, 7]);
    const stateDir = await mkdtemp(join(workDir, 'state-'));
    const invocations: number[][] = [];
    const invoke = async (event: unknown): Promise<unknown> => {
      const numbers = numbersOf(event);
      invocations.push(numbers);
      if (numbers.includes(5)) throw new Error('event 5 is malformed');
      return undefined;
    };

    // Act
    const mapping = await startMapping(
      aTrigger({
        streamArn: stream.arn,
        batchSize: 8,
        maximumRetryAttempts: 1,
        bisectBatchOnFunctionError: true,
        onFailureArn: 'arn:aws:sns:us-east-1:000000000000:enrich-failures',
      }),
      invoke,
      stateDir,
    );
    await waitUntil(() => mapping.stats().delivered === 7);

    // Assess
    expect(invocations).toStrictEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [4, 5],
      [4],
      [5],
      [5],
      [6, 7],
    ]);
    const failures = (await readJsonLines(join(stateDir, 'on-failure', 'enrich-failures.jsonl'))) as {
      requestContext: { condition: string; approximateInvokeCount: number };
      KinesisBatchInfo: { startSequenceNumber: string; endSequenceNumber: string; batchSize: number };
    }[];
    expect(
      failures.map(({ requestContext, KinesisBatchInfo }) => ({ requestContext, KinesisBatchInfo })),
    ).toStrictEqual([
      {
        requestContext: expect.objectContaining({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 2 }),
        KinesisBatchInfo: expect.objectContaining({
          startSequenceNumber: puts[5]?.sequenceNumber,
          endSequenceNumber: puts[5]?.sequenceNumber,
          batchSize: 1,
        }),
      },
    ]);
    expect(mapping.stats()).toStrictEqual({ delivered: 7, failedInvocations: 5, sentToOnFailure: 1, lagMs: 0 });
  });

  it('resumes after the last checkpoint when restarted mid-stream, with no duplicate and no loss', async () => {
    // Prepare
    const stream = await aStream(1);
    await putNumbers(
      stream.name,
      Array.from({ length: 20 }, (_, n) => n),
    );
    const stateDir = await mkdtemp(join(workDir, 'state-'));
    const trigger = aTrigger({ streamArn: stream.arn, batchSize: 2 });
    const processed: number[] = [];
    const invoke = async (event: unknown): Promise<unknown> => {
      await sleep(30);
      processed.push(...numbersOf(event));
      return undefined;
    };
    const first = await startMapping(trigger, invoke, stateDir);
    await waitUntil(() => processed.length >= 6);

    // Act
    await first.stop();
    const processedBeforeRestart = processed.length;
    await startMapping(trigger, invoke, stateDir);
    await waitUntil(() => processed.length >= 20);
    await sleep(300);

    // Assess
    expect(processedBeforeRestart).toBeLessThan(20);
    expect(processed).toStrictEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('keeps the LATEST position of a mapping restarted before any record was written', async () => {
    // Prepare
    const stream = await aStream(2);
    await putNumbers(stream.name, [100, 101, 102]);
    const stateDir = await mkdtemp(join(workDir, 'state-'));
    const trigger = aTrigger({ streamArn: stream.arn, startingPosition: 'LATEST' });
    const processed: number[] = [];
    const invoke = async (event: unknown): Promise<unknown> => {
      processed.push(...numbersOf(event));
      return undefined;
    };
    const first = await startMapping(trigger, invoke, stateDir);
    await first.stop();

    // Act
    await putNumbers(stream.name, [0, 1, 2, 3]);
    await startMapping(trigger, invoke, stateDir);
    await putNumbers(stream.name, [4, 5]);
    await waitUntil(() => processed.length >= 6);
    await sleep(300);

    // Assess
    expect([...processed].sort((a, b) => a - b)).toStrictEqual([0, 1, 2, 3, 4, 5]);
  });
});
