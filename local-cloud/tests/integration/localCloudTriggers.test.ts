import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  waitUntilEndpointInService,
} from '@aws-sdk/client-sagemaker';
import { localDynamoDbClient, localKinesisClient, localSageMakerClient } from '../../src/clients.js';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../src/startLocalCloud.js';
import {
  weightedSumArtifact,
  weightedSumRuntime,
  weightedSums,
  type WeightedSumModel,
} from '../fixtures/weightedSumRuntime.js';

/*
 * The runner end to end: a fixture project whose serverless.yml declares a Kinesis trigger (batch 10,
 * bisect, 2 retries, partial batch failures, SQS on-failure destination), a DynamoDB stream trigger
 * and a route, with handlers that fail on purpose, and hooks of its own (a model runtime, and a key
 * issued after start). Everything the test sees goes through the real emulators and the bundled
 * handlers.
 */
const fixtureRoot = path.resolve(__dirname, '../fixtures/probe-project');

/** What the fixture project plugs in: its model runtime, and a value for its tools once the cloud is up. */
const start = (dataDir: string): Promise<LocalCloud> => {
  const hooks: LocalCloudOptions['hooks'] = {
    modelRuntimes: { probe: weightedSumRuntime },
    afterStart: async (cloud) => ({ probeKey: `key-for-${cloud.project.functions.length}-functions` }),
  };
  return startLocalCloud({ root: fixtureRoot, dataDir, hooks });
};

type Behaviour = 'ok' | 'poison' | 'fail-once';
const record = (id: string, behaviour: Behaviour = 'ok') => ({ id, behaviour });

async function putRecords(cloud: LocalCloud, records: { id: string; behaviour: Behaviour }[]): Promise<void> {
  const result = await localKinesisClient(cloud.kinesisEndpoint).send(
    new PutRecordsCommand({
      StreamName: 'probe-stream',
      Records: records.map((r) => ({ PartitionKey: r.id, Data: Buffer.from(JSON.stringify(r)) })),
    }),
  );
  expect(result.FailedRecordCount).toBe(0);
}

async function scanCounts(cloud: LocalCloud, table: string): Promise<Record<string, Record<string, number>>> {
  const { Items = [] } = await localDynamoDbClient(cloud.dynamoDbEndpoint).send(new ScanCommand({ TableName: table }));
  return Object.fromEntries(
    Items.map((item) => [
      item.id!.S!,
      Object.fromEntries(
        Object.entries(item)
          .filter(([key]) => key !== 'id')
          .map(([key, value]) => [key, Number(value.N)]),
      ),
    ]),
  );
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('local cloud stream triggers, from serverless.yml to handler', () => {
  let dataDir: string;
  let cloud: LocalCloud | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-probe-'));
  });

  afterAll(async () => {
    await cloud?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('delivers every record once, re-delivers a reported failure, isolates a poison record and sends it to the destination', async () => {
    // Prepare
    cloud = await start(dataDir);
    const records = [
      ...Array.from({ length: 12 }, (_, i) => record(`a${i}`)),
      record('f1', 'fail-once'),
      ...Array.from({ length: 5 }, (_, i) => record(`b${i}`)),
      record('p1', 'poison'),
      ...Array.from({ length: 6 }, (_, i) => record(`c${i}`)),
    ];

    // Act
    await putRecords(cloud, records);
    const deliveries = await eventually(
      () => scanCounts(cloud!, 'probe-deliveries'),
      (counts) => Object.keys(counts).length === records.length - 1 && counts.f1?.attempts === 2,
    );
    const failures = await eventually(
      async () =>
        (await readFile(path.join(cloud!.destinationsDir, 'probe-failures.jsonl'), 'utf8').catch(() => ''))
          .trim()
          .split('\n')
          .filter(Boolean),
      (lines) => lines.length > 0,
    );

    // Assess
    const expected = Object.fromEntries(
      records
        .filter((r) => r.behaviour !== 'poison')
        .map((r) => [r.id, { attempts: r.behaviour === 'fail-once' ? 2 : 1 }]),
    );
    expect(deliveries).toStrictEqual(expected);
    expect(failures).toHaveLength(1);
    const failure = JSON.parse(failures[0]!) as {
      requestContext: { condition: string; approximateInvokeCount: number };
      KinesisBatchInfo: { batchSize: number; streamArn: string };
    };
    expect(failure.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 });
    expect(failure.KinesisBatchInfo).toMatchObject({
      batchSize: 1,
      streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/probe-stream',
    });
  }, 90_000);

  it('feeds the DynamoDB stream of the table the handler writes to another function, once per change', async () => {
    // Act
    const changes = await eventually(
      () => scanCounts(cloud!, 'probe-changes'),
      (counts) => Object.keys(counts).length === 24 && counts.f1?.modify === 1,
    );

    // Assess
    expect(changes.a0).toStrictEqual({ insert: 1 });
    expect(changes.f1).toStrictEqual({ insert: 1, modify: 1 });
    expect(Object.values(changes).filter((c) => c.insert === 1).length).toBe(24);
  }, 60_000);

  it('resumes from its checkpoints after the whole local cloud restarts: nothing re-delivered, nothing lost', async () => {
    // Prepare
    await cloud!.stop();
    cloud = await start(dataDir);

    // Act
    await putRecords(
      cloud,
      Array.from({ length: 8 }, (_, i) => record(`d${i}`)),
    );
    const deliveries = await eventually(
      () => scanCounts(cloud!, 'probe-deliveries'),
      (counts) => Object.keys(counts).length === 32,
    );

    // Assess
    expect(
      Object.entries(deliveries)
        .filter(([, c]) => c.attempts !== 1)
        .map(([id, c]) => [id, c.attempts]),
    ).toStrictEqual([['f1', 2]]);
    expect(
      Object.keys(deliveries)
        .filter((id) => id.startsWith('d'))
        .sort(),
    ).toStrictEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
  }, 90_000);

  it('lets a function reach the local SageMaker through the SDK default endpoint resolution, with a model from the local object store', async () => {
    // Prepare
    const model: WeightedSumModel = { version: 'probe-1', weights: [0.5, -1, 2] };
    const artifact = path.join(cloud!.objectStoreDir, 'probe-models', 'probe-1', 'model.json');
    await mkdir(path.dirname(artifact), { recursive: true });
    await writeFile(artifact, weightedSumArtifact(model));
    const sageMaker = localSageMakerClient(cloud!.sageMakerEndpoint);
    await sageMaker.send(
      new CreateModelCommand({
        ModelName: 'probe-1',
        PrimaryContainer: { Image: 'probe', ModelDataUrl: 's3://probe-models/probe-1/model.json' },
      }),
    );
    await sageMaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'probe-1',
        ProductionVariants: [
          { VariantName: 'AllTraffic', ModelName: 'probe-1', InitialInstanceCount: 1, InstanceType: 'ml.t2.medium' },
        ],
      }),
    );
    await sageMaker.send(new CreateEndpointCommand({ EndpointName: 'probe-model', EndpointConfigName: 'probe-1' }));
    await waitUntilEndpointInService(
      { client: sageMaker, maxWaitTime: 20, minDelay: 1, maxDelay: 1 },
      { EndpointName: 'probe-model' },
    );
    sageMaker.destroy();

    // Act
    const response = await fetch(`${cloud!.url}/invoke/probe-model`, { method: 'POST', body: '1,0,2\n0,1,0' });
    const endpoints = JSON.parse(await readFile(path.join(dataDir, 'endpoints.json'), 'utf8')) as Record<
      string,
      unknown
    >;

    // Assess
    expect({
      status: response.status,
      attributes: response.headers.get('x-custom-attributes'),
      body: await response.json(),
    }).toStrictEqual({
      status: 200,
      attributes: 'model_version=probe-1',
      body: weightedSums(model, [
        [1, 0, 2],
        [0, 1, 0],
      ]),
    });
    expect(endpoints.sageMaker).toBe(cloud!.sageMakerEndpoint);
  }, 60_000);

  it('keeps what the afterStart hook gave in cloud.extras and endpoints.json, readable by its owner only', async () => {
    // Act
    const file = path.join(dataDir, 'endpoints.json');
    const endpoints = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const mode = ((await stat(file)).mode & 0o777).toString(8);

    // Assess
    expect({ extras: cloud!.extras, probeKey: endpoints.probeKey, gateway: endpoints.gateway, mode }).toStrictEqual({
      extras: { probeKey: 'key-for-3-functions' },
      probeKey: 'key-for-3-functions',
      gateway: cloud!.url,
      mode: '600',
    });
  });

  it("answers a path no route claims with API Gateway's own body when no hook says otherwise", async () => {
    // Act
    const unknown = await fetch(`${cloud!.url}/nope`);
    const wrongMethod = await fetch(`${cloud!.url}/invoke/probe-model`);

    // Assess
    expect([
      [unknown.status, await unknown.json()],
      [wrongMethod.status, wrongMethod.headers.get('allow'), await wrongMethod.json()],
    ]).toStrictEqual([
      [404, { message: 'Not Found' }],
      [405, 'POST', { message: 'Method Not Allowed' }],
    ]);
  });
});
