import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  SageMakerClient,
  UpdateEndpointCommand,
  waitUntilEndpointInService,
  type DescribeEndpointCommandOutput,
} from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { localSageMakerClient, localSageMakerRuntimeClient } from '../../src/clients.js';
import { startSageMakerLocal } from '../../src/emulators/startSageMakerLocal.js';
import type { SageMakerLocal } from '../../src/emulators/startSageMakerLocal.js';
import { freePort } from '../../src/net/freePort.js';
import {
  weightedSumArtifact,
  weightedSumRuntime,
  weightedSums,
  type WeightedSumModel,
} from '../fixtures/weightedSumRuntime.js';

/*
 * The local SageMaker driven by the real AWS SDK clients, as a service that deploys and promotes
 * models (control plane) and one that asks them (InvokeEndpoint) drive it: artifacts are files in the
 * local object store, loaded by the model runtime of their image (the fixture's weighted sum),
 * endpoints deploy in the background (500 ms here, so Creating/Updating can be seen), and a version
 * switch happens under a stream of concurrent invocations.
 */
const BUCKET = 'sdp-models-local';
const DEPLOY_DELAY_MS = 500;
const ROLE = 'arn:aws:iam::000000000000:role/sdp-retrain-local-sagemaker';

const IMAGE = 'weighted-sum:latest';
const aModel = (version: string, seed: number): WeightedSumModel => ({
  version,
  weights: Array.from({ length: 4 }, (_, i) => Math.round(Math.sin(i * seed) * 100) / 100),
});
const MODELS = { v1: aModel('v1', 1), v2: aModel('v2', 2) };

const ROWS = [0, 1, 2].map((i) => [i, 1, 2 * i, -i]);
const csv = (rows: number[][]) => rows.map((row) => row.join(',')).join('\n');

interface Answer {
  version: string | undefined;
  variant: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

async function invoke(
  runtime: SageMakerRuntimeClient,
  EndpointName: string,
  Body: string,
  ContentType = 'text/csv',
): Promise<Answer> {
  const output = await runtime.send(new InvokeEndpointCommand({ EndpointName, ContentType, Body }));
  return {
    version: /^model_version=(.+)$/.exec(output.CustomAttributes ?? '')?.[1],
    variant: output.InvokedProductionVariant,
    contentType: output.ContentType,
    body: JSON.parse(Buffer.from(output.Body).toString('utf8')),
  };
}

/** The endpoint once it is neither Creating nor Updating, polled every 20 ms. */
async function settled(sageMaker: SageMakerClient, EndpointName: string): Promise<DescribeEndpointCommandOutput> {
  for (;;) {
    const endpoint = await sageMaker.send(new DescribeEndpointCommand({ EndpointName }));
    if (endpoint.EndpointStatus !== 'Creating' && endpoint.EndpointStatus !== 'Updating') return endpoint;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const rejectionOf = (promise: Promise<unknown>): Promise<Record<string, unknown>> =>
  promise.then(
    () => ({ rejected: false }),
    (error: Record<string, unknown> & { $metadata?: { httpStatusCode?: number } }) => ({
      name: error.name,
      message: error.message,
      status: error.$metadata?.httpStatusCode,
      ...(error.name === 'ModelError'
        ? { OriginalStatusCode: error.OriginalStatusCode, OriginalMessage: error.OriginalMessage }
        : {}),
    }),
  );

describe('local SageMaker, driven by the AWS SDK', () => {
  let workDir: string;
  let objectStoreDir: string;
  let dataDir: string;
  let port: number;
  let emulator: SageMakerLocal;
  let sageMaker: SageMakerClient;
  let runtime: SageMakerRuntimeClient;

  const start = async (deployDelayMs = DEPLOY_DELAY_MS) => {
    emulator = await startSageMakerLocal({
      port,
      dataDir,
      objectStoreDir,
      deployDelayMs,
      modelRuntimes: { 'weighted-sum': weightedSumRuntime },
    });
    sageMaker = localSageMakerClient(emulator.endpoint);
    runtime = localSageMakerRuntimeClient(emulator.endpoint);
  };
  const stop = async () => {
    sageMaker.destroy();
    runtime.destroy();
    await emulator.stop();
  };

  /** Puts an artifact into the local object store and returns its s3:// URL. */
  const putArtifact = async (key: string, bytes: Buffer): Promise<string> => {
    const file = path.join(objectStoreDir, BUCKET, key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return `s3://${BUCKET}/${key}`;
  };

  /** A model and an endpoint configuration named `bid-win-<version>` serving `url`. */
  const createModelAndConfig = async (version: string, url: string) => {
    await sageMaker.send(
      new CreateModelCommand({
        ModelName: `bid-win-${version}`,
        PrimaryContainer: { Image: IMAGE, ModelDataUrl: url },
        ExecutionRoleArn: ROLE,
      }),
    );
    await sageMaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: `bid-win-${version}`,
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: `bid-win-${version}`,
            InitialInstanceCount: 1,
            InstanceType: 'ml.t2.medium',
          },
        ],
      }),
    );
  };

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-sagemaker-'));
    objectStoreDir = path.join(workDir, 's3');
    dataDir = path.join(workDir, 'sagemaker');
    port = await freePort();
    await start();
    await createModelAndConfig('v1', await putArtifact('bid-win/v1/model.json', weightedSumArtifact(MODELS.v1)));
    await createModelAndConfig('v2', await putArtifact('bid-win/v2/model.json', weightedSumArtifact(MODELS.v2)));
  });

  afterAll(async () => {
    await stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('describes models and endpoint configurations as created', async () => {
    // Act
    const model = await sageMaker.send(new DescribeModelCommand({ ModelName: 'bid-win-v1' }));
    const config = await sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'bid-win-v1' }));

    // Assess
    expect(model).toMatchObject({
      ModelName: 'bid-win-v1',
      ModelArn: 'arn:aws:sagemaker:us-east-1:000000000000:model/bid-win-v1',
      PrimaryContainer: { Image: IMAGE, ModelDataUrl: `s3://${BUCKET}/bid-win/v1/model.json` },
      ExecutionRoleArn: ROLE,
    });
    expect(model.CreationTime).toBeInstanceOf(Date);
    expect(config).toMatchObject({
      EndpointConfigName: 'bid-win-v1',
      EndpointConfigArn: 'arn:aws:sagemaker:us-east-1:000000000000:endpoint-config/bid-win-v1',
      ProductionVariants: [
        { VariantName: 'AllTraffic', ModelName: 'bid-win-v1', InitialInstanceCount: 1, InstanceType: 'ml.t2.medium' },
      ],
    });
  });

  it('creates an endpoint that is Creating, then InService for the SDK waiter, and not invocable before', async () => {
    // Act
    const { EndpointArn } = await sageMaker.send(
      new CreateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v1' }),
    );
    const creating = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));
    const early = await rejectionOf(invoke(runtime, 'bid-win', csv(ROWS)));
    await waitUntilEndpointInService(
      { client: sageMaker, maxWaitTime: 20, minDelay: 1, maxDelay: 1 },
      { EndpointName: 'bid-win' },
    );
    const inService = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));

    // Assess
    expect(EndpointArn).toBe('arn:aws:sagemaker:us-east-1:000000000000:endpoint/bid-win');
    expect([creating.EndpointStatus, creating.EndpointConfigName, creating.ProductionVariants]).toStrictEqual([
      'Creating',
      'bid-win-v1',
      undefined,
    ]);
    expect(early).toStrictEqual({
      name: 'ValidationError',
      message: 'Endpoint bid-win of account 000000000000 not found.',
      status: 400,
    });
    expect(inService).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: 'bid-win-v1',
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          DeployedImages: [{ SpecifiedImage: IMAGE }],
          CurrentWeight: 1,
          CurrentInstanceCount: 1,
          DesiredInstanceCount: 1,
        },
      ],
    });
    expect(inService.FailureReason).toBeUndefined();
  }, 30_000);

  it("answers with the model at ModelDataUrl, through its image's runtime, and passes the custom attributes on", async () => {
    // Act
    const answer = await invoke(runtime, 'bid-win', csv(ROWS));

    // Assess
    expect(answer).toStrictEqual({
      version: 'v1',
      variant: 'AllTraffic',
      contentType: 'application/json',
      body: weightedSums(MODELS.v1, ROWS),
    });
  });

  it.each([
    [
      'an unknown endpoint',
      'no-such-endpoint',
      'text/csv',
      csv(ROWS),
      { name: 'ValidationError', message: 'Endpoint no-such-endpoint of account 000000000000 not found.', status: 400 },
    ],
    [
      'a row of the wrong width',
      'bid-win',
      'text/csv',
      '1,2,3',
      {
        name: 'ModelError',
        status: 424,
        OriginalStatusCode: 400,
        OriginalMessage: 'Row 1 must hold 4 numbers.',
      },
    ],
    [
      'a content type the model refuses',
      'bid-win',
      'application/x-recordio-protobuf',
      'x',
      {
        name: 'ModelError',
        status: 424,
        OriginalStatusCode: 415,
        OriginalMessage: "Content type 'application/x-recordio-protobuf' is not supported; send text/csv.",
      },
    ],
  ])('answers InvokeEndpoint with %s as AWS does', async (_, endpointName, contentType, body, expected) => {
    // Act
    const rejection = await rejectionOf(invoke(runtime, endpointName, body, contentType));

    // Assess
    expect(rejection).toMatchObject(expected);
    if ('OriginalMessage' in expected)
      expect(rejection.message).toBe(
        `Received client error (${expected.OriginalStatusCode}) from primary with message "${expected.OriginalMessage}".`,
      );
  });

  it.each([
    [
      'a model created twice',
      () =>
        new CreateModelCommand({
          ModelName: 'bid-win-v1',
          PrimaryContainer: { ModelDataUrl: `s3://${BUCKET}/bid-win/v1/model.json` },
        }),
      'Cannot create already existing model "arn:aws:sagemaker:us-east-1:000000000000:model/bid-win-v1".',
    ],
    [
      'a model whose data is missing',
      () =>
        new CreateModelCommand({
          ModelName: 'bid-win-v9',
          PrimaryContainer: { ModelDataUrl: `s3://${BUCKET}/bid-win/v9/model.json` },
        }),
      `Could not find model data at s3://${BUCKET}/bid-win/v9/model.json.`,
    ],
    [
      'a name SageMaker refuses',
      () =>
        new CreateModelCommand({
          ModelName: 'bid_win',
          PrimaryContainer: { ModelDataUrl: `s3://${BUCKET}/bid-win/v1/model.json` },
        }),
      "1 validation error detected: Value 'bid_win' at 'modelName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
    ],
    [
      'a configuration of an unknown model',
      () =>
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'orphan',
          ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'nope' }],
        }),
      'Could not find model "arn:aws:sagemaker:us-east-1:000000000000:model/nope".',
    ],
    [
      'a configuration created twice',
      () =>
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'bid-win-v1',
          ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'bid-win-v1' }],
        }),
      'Cannot create already existing endpoint configuration "arn:aws:sagemaker:us-east-1:000000000000:endpoint-config/bid-win-v1".',
    ],
    [
      'an endpoint created twice',
      () => new CreateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v2' }),
      'Cannot create already existing endpoint "arn:aws:sagemaker:us-east-1:000000000000:endpoint/bid-win".',
    ],
    [
      'an endpoint of an unknown configuration',
      () => new CreateEndpointCommand({ EndpointName: 'other', EndpointConfigName: 'nope' }),
      'Could not find endpoint configuration "arn:aws:sagemaker:us-east-1:000000000000:endpoint-config/nope".',
    ],
    [
      'an unknown endpoint described',
      () => new DescribeEndpointCommand({ EndpointName: 'Nope' }),
      'Could not find endpoint "arn:aws:sagemaker:us-east-1:000000000000:endpoint/nope".',
    ],
    [
      'an unknown endpoint updated',
      () => new UpdateEndpointCommand({ EndpointName: 'nope', EndpointConfigName: 'bid-win-v2' }),
      'Could not find endpoint "arn:aws:sagemaker:us-east-1:000000000000:endpoint/nope".',
    ],
  ])("answers %s with SageMaker's ValidationException", async (_, command, message) => {
    // Act
    const rejection = await rejectionOf(sageMaker.send(command() as never));

    // Assess
    expect(rejection).toStrictEqual({ name: 'ValidationException', message, status: 400 });
  });

  it('switches versions under concurrent invocations: none fails, each is answered whole by v1 until the swap and by v2 after', async () => {
    // Prepare
    const answers: { worker: number; started: number; version?: string; correct?: boolean; error?: string }[] = [];
    let running = true;
    const workers = Array.from({ length: 8 }, async (_, worker) => {
      while (running) {
        const started = performance.now();
        try {
          const answer = await invoke(runtime, 'bid-win', csv(ROWS));
          const model = answer.version === 'v2' ? MODELS.v2 : MODELS.v1;
          answers.push({
            worker,
            started,
            version: answer.version!,
            correct: JSON.stringify(answer.body) === JSON.stringify(weightedSums(model, ROWS)),
          });
        } catch (error) {
          answers.push({ worker, started, error: String(error) });
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Act
    const updateSent = performance.now();
    await sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v2' }));
    const updating = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));
    const done = await settled(sageMaker, 'bid-win');
    const inServiceSeen = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    running = false;
    await Promise.all(workers);

    // Assess
    expect([
      updating.EndpointStatus,
      updating.EndpointConfigName,
      updating.PendingDeploymentSummary?.EndpointConfigName,
    ]).toStrictEqual(['Updating', 'bid-win-v1', 'bid-win-v2']);
    expect([
      done.EndpointStatus,
      done.EndpointConfigName,
      done.FailureReason,
      done.PendingDeploymentSummary,
    ]).toStrictEqual(['InService', 'bid-win-v2', undefined, undefined]);
    expect(answers.filter((answer) => answer.error !== undefined || !answer.correct)).toStrictEqual([]);
    expect(answers.filter((answer) => answer.started > updateSent && answer.version === 'v1').length).toBeGreaterThan(
      0,
    );
    expect(answers.filter((answer) => answer.started > inServiceSeen && answer.version !== 'v2')).toStrictEqual([]);
    for (let worker = 0; worker < 8; worker++) {
      const versions = answers.filter((answer) => answer.worker === worker).map((answer) => answer.version);
      expect(versions.slice(versions.indexOf('v2'))).not.toContain('v1');
    }
  }, 30_000);

  it('keeps the serving model when an update cannot load, rolls back to InService with a FailureReason, and refuses changes meanwhile', async () => {
    // Prepare
    const url = await putArtifact('bid-win/v3/model.json', weightedSumArtifact(aModel('v3', 3)));
    await createModelAndConfig('v3', url);
    await writeFile(path.join(objectStoreDir, BUCKET, 'bid-win/v3/model.json'), 'overwritten by a broken upload');

    // Act
    await sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v3' }));
    const secondUpdate = await rejectionOf(
      sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v1' })),
    );
    const deletion = await rejectionOf(sageMaker.send(new DeleteEndpointCommand({ EndpointName: 'bid-win' })));
    const during = await invoke(runtime, 'bid-win', csv(ROWS));
    const after = await settled(sageMaker, 'bid-win');

    // Assess
    const inProgress = {
      name: 'ValidationException',
      message: 'Cannot update in-progress endpoint "arn:aws:sagemaker:us-east-1:000000000000:endpoint/bid-win".',
      status: 400,
    };
    expect(secondUpdate).toStrictEqual(inProgress);
    expect(deletion).toStrictEqual(inProgress);
    expect(during.version).toBe('v2');
    expect([after.EndpointStatus, after.EndpointConfigName]).toStrictEqual(['InService', 'bid-win-v2']);
    expect(after.FailureReason).toMatch(
      /^The primary container for production variant AllTraffic did not pass the ping health check: the artifact is not JSON$/,
    );
    expect((await invoke(runtime, 'bid-win', csv(ROWS))).version).toBe('v2');
  }, 30_000);

  it('keeps endpoints across a restart and serves its deployed copy of the model, even once the artifact is gone', async () => {
    // Prepare
    await stop();
    await rm(path.join(objectStoreDir, BUCKET, 'bid-win/v2/model.json'));

    // Act
    await start();
    const endpoint = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));
    const answer = await invoke(runtime, 'bid-win', csv(ROWS));

    // Assess
    expect([endpoint.EndpointStatus, endpoint.EndpointConfigName]).toStrictEqual(['InService', 'bid-win-v2']);
    expect(answer).toMatchObject({ version: 'v2', body: weightedSums(MODELS.v2, ROWS) });
  }, 30_000);

  it('finishes, after a restart, an update that a stop interrupted', async () => {
    // Prepare
    await sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v1' }));
    await stop();

    // Act
    await start(2_000);
    const resumed = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));
    const served = (await invoke(runtime, 'bid-win', csv(ROWS))).version;
    const done = await settled(sageMaker, 'bid-win');

    // Assess
    expect([resumed.EndpointStatus, served]).toStrictEqual(['Updating', 'v2']);
    expect([done.EndpointStatus, done.EndpointConfigName]).toStrictEqual(['InService', 'bid-win-v1']);
    expect((await invoke(runtime, 'bid-win', csv(ROWS))).version).toBe('v1');
  }, 30_000);

  it('refuses an update once the configuration being replaced is deleted, as SageMaker needs it to roll back', async () => {
    // Prepare
    await sageMaker.send(new DeleteEndpointConfigCommand({ EndpointConfigName: 'bid-win-v1' }));

    // Act
    const rejection = await rejectionOf(
      sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v2' })),
    );

    // Assess
    expect(rejection).toStrictEqual({
      name: 'ValidationException',
      message:
        'Could not find endpoint configuration "arn:aws:sagemaker:us-east-1:000000000000:endpoint-config/bid-win-v1".',
      status: 400,
    });
  });

  it('fails to create an endpoint whose image no model runtime serves, with the reason', async () => {
    // Prepare
    await sageMaker.send(
      new CreateModelCommand({
        ModelName: 'scorer-v1',
        PrimaryContainer: { Image: 'scorer:1', ModelDataUrl: `s3://${BUCKET}/bid-win/v1/model.json` },
      }),
    );
    await sageMaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'scorer-v1',
        ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'scorer-v1' }],
      }),
    );

    // Act
    await sageMaker.send(new CreateEndpointCommand({ EndpointName: 'scorer', EndpointConfigName: 'scorer-v1' }));
    const endpoint = await settled(sageMaker, 'scorer');

    // Assess
    expect([endpoint.EndpointStatus, endpoint.FailureReason]).toStrictEqual([
      'Failed',
      'The local SageMaker has no model runtime for the image scorer:1 of production variant AllTraffic: it runs no containers, only the modelRuntimes it is given.',
    ]);
  }, 30_000);

  it('is what SDK clients without an endpoint reach through AWS_ENDPOINT_URL_SAGEMAKER and AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME', async () => {
    // Prepare
    const saved = {
      control: process.env.AWS_ENDPOINT_URL_SAGEMAKER,
      runtime: process.env.AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME,
    };
    process.env.AWS_ENDPOINT_URL_SAGEMAKER = emulator.endpoint;
    process.env.AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME = emulator.endpoint;
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const fromEnvironment = { region: 'us-east-1', credentials };
    const control = new SageMakerClient(fromEnvironment);
    const invoker = new SageMakerRuntimeClient(fromEnvironment);

    try {
      // Act
      const endpoint = await control.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));
      const answer = await invoke(invoker, 'bid-win', csv(ROWS));

      // Assess
      expect([endpoint.EndpointStatus, answer.version]).toStrictEqual(['InService', 'v1']);
    } finally {
      control.destroy();
      invoker.destroy();
      for (const [name, value] of [
        ['AWS_ENDPOINT_URL_SAGEMAKER', saved.control],
        ['AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME', saved.runtime],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('takes as long as it is told for later deployments, the previous model answering meanwhile', async () => {
    // Prepare: an endpoint serving v4, deployed with the usual delay
    await createModelAndConfig('v4', await putArtifact('bid-win/v4/model.json', weightedSumArtifact(aModel('v4', 4))));
    await createModelAndConfig('v5', await putArtifact('bid-win/v5/model.json', weightedSumArtifact(aModel('v5', 5))));
    await sageMaker.send(new CreateEndpointCommand({ EndpointName: 'slow', EndpointConfigName: 'bid-win-v4' }));
    await settled(sageMaker, 'slow');
    emulator.delayDeployments(3_000);

    try {
      // Act
      const startedAt = Date.now();
      await sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'slow', EndpointConfigName: 'bid-win-v5' }));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const during = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'slow' }));
      const servedDuring = (await invoke(runtime, 'slow', csv(ROWS))).version;
      const done = await settled(sageMaker, 'slow');
      const tookMs = Date.now() - startedAt;

      // Assess
      expect([during.EndpointStatus, servedDuring]).toStrictEqual(['Updating', 'v4']);
      expect([done.EndpointStatus, done.EndpointConfigName]).toStrictEqual(['InService', 'bid-win-v5']);
      expect(tookMs).toBeGreaterThanOrEqual(3_000);
      expect((await invoke(runtime, 'slow', csv(ROWS))).version).toBe('v5');
    } finally {
      emulator.delayDeployments(DEPLOY_DELAY_MS);
    }
  }, 30_000);
});
