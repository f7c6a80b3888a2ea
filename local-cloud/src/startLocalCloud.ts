import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { httpApiRequests, lambdaGbSeconds } from '@sdp/shared-cost';
import { writePrivateFile } from './access/writePrivateFile.js';
import { localDynamoDbClient, localKinesisClient } from './clients.js';
import { startDynamoDbLocal } from './emulators/startDynamoDbLocal.js';
import { startKinesisEmulator, type KinesisEmulator } from './emulators/kinesis/startKinesisEmulator.js';
import { startKinesisFaultFront, type KinesisFaultFront } from './emulators/startKinesisFaultFront.js';
import { startLambdaLocal } from './emulators/startLambdaLocal.js';
import type { ModelRuntimes } from './emulators/sageMaker/types.js';
import { startSageMakerLocal, type SageMakerLocal } from './emulators/startSageMakerLocal.js';
import type { Emulator } from './emulators/types.js';
import { fileOnFailureSink } from './eventSources/fileOnFailureSink.js';
import { StreamActivity } from './eventSources/StreamActivity.js';
import { startTriggers } from './eventSources/startTriggers.js';
import type { EventSourceMapping } from './eventSources/types.js';
import { waitForIdle } from './eventSources/waitForIdle.js';
import { bundleFunctions } from './functions/bundleFunctions.js';
import type { FunctionPool } from './functions/FunctionPool.js';
import { startFunctionPools } from './functions/startFunctionPools.js';
import { startGateway, type Gateway, type GatewayErrorBody } from './gateway/startGateway.js';
import { startDynamoDbMeter } from './metering/startDynamoDbMeter.js';
import { startKinesisMeter } from './metering/startKinesisMeter.js';
import { startMeterEndpoint } from './metering/startMeterEndpoint.js';
import { startDynamoDbGroupCommit } from './emulators/startDynamoDbGroupCommit.js';
import { UsageMeter } from './metering/UsageMeter.js';
import { freePort } from './net/freePort.js';
import { loadLocalProject, type LocalProject } from './project/loadLocalProject.js';
import { buildStaticSite } from './sites/buildStaticSite.js';
import { processUsage, type ProcessUsage } from './status/processUsage.js';

/**
 * What a project plugs into the local cloud: everything specific to it, so that the local cloud
 * itself knows nothing of any project but its Serverless files.
 */
export interface LocalCloudHooks {
  /**
   * Runs once everything is up, before `startLocalCloud` resolves (a throw stops the cloud and
   * rejects): the place to seed data or issue keys. What it resolves with is kept in
   * `cloud.extras` and written into `<dataDir>/endpoints.json` (mode 0600) beside the endpoints, for
   * the project's command-line tools.
   */
  afterStart?: (cloud: LocalCloud) => Promise<Record<string, string> | void>;
  /** The body of the answers the gateway gives by itself (no route, wrong method, body too large); default API Gateway's `{"message":"Not Found"}` */
  gatewayErrorBody?: GatewayErrorBody;
  /** What the local SageMaker loads and runs models with, by container image (it runs no containers); none: its endpoints fail to deploy */
  modelRuntimes?: ModelRuntimes;
}

export interface LocalCloudOptions {
  /** The project's root, where serverless-compose.yml is; caches go to `<root>/.data/cache` */
  root: string;
  /** Streams, tables, checkpoints, logs and failed batches live here; reuse it to keep them across restarts */
  dataDir: string;
  /** Gateway port; 0 picks a free one */
  port?: number;
  /** Emulator ports; free ones when left out */
  kinesisPort?: number;
  dynamoDbPort?: number;
  sageMakerPort?: number;
  stage?: string;
  /**
   * Most instances of one function running at once (Lambda's concurrency), unless it sets
   * reservedConcurrency. Default: twice the machine's cores (at least 2): more instances than that
   * only add isolates to compile and collect garbage for, not throughput.
   */
  maxInstances?: number;
  /** Params per service on top of serverless-compose.yml's, e.g. `{ enrich: { bidsSessionTimeoutMinutes: '0.1' } }` */
  paramOverrides?: Record<string, Record<string, string>>;
  /** Put a front between the functions and Kinesis that tests can tell to refuse writes (`cloud.kinesisFaults`) */
  kinesisFaults?: boolean;
  /** Start an instance of every function (two of each HTTP function) before answering; off: instances start on first use, as Lambda's do */
  warm?: boolean;
  /** A function instance free for this long is stopped (default 2 minutes) */
  instanceIdleTimeoutMs?: number;
  /**
   * DynamoDB Local keeps its tables in memory instead of `dataDir`: less CPU per write, but nothing
   * survives a stop. For clouds that are thrown away after use (tests); off by default.
   */
  dynamoDbInMemory?: boolean;
  /**
   * Count the functions' DynamoDB request units and Kinesis PUT payload units through metering
   * fronts (default false: the DynamoDB front costs a loopback hop per call and a read of each
   * transaction's items, which made pipeline-heavy test suites about a quarter slower, and it takes
   * the place of the DynamoDB group commit). Lambda and API Gateway are always metered.
   */
  meterRequests?: boolean;
  /** What the project plugs in: see {@link LocalCloudHooks} */
  hooks?: LocalCloudHooks;
  log?: (message: string) => void;
}

/** What {@link LocalCloud.waitForIdle} waits for at most. */
export interface WaitForIdleOptions {
  /** Rejects after this long (default 6 minutes) */
  timeoutMs?: number;
}

export interface LocalCloud {
  url: string;
  /** Where streams, tables, checkpoints and logs live (`LocalCloudOptions.dataDir`) */
  dataDir: string;
  kinesisEndpoint: string;
  dynamoDbEndpoint: string;
  /** The local SageMaker: control plane and runtime (InvokeEndpoint) on one URL */
  sageMakerEndpoint: string;
  /** The local SageMaker itself (fault tests tell it to refuse invocations for a while) */
  sageMaker: SageMakerLocal;
  /** Lambda's Invoke API for every function (`AWS_ENDPOINT_URL_LAMBDA`) */
  lambdaEndpoint: string;
  /** The front that refuses the functions' Kinesis writes on demand, when started with `kinesisFaults` */
  kinesisFaults: KinesisFaultFront | undefined;
  /** DynamoDB Local's Java process (fault tests kill it) */
  dynamoDbPid: number | undefined;
  /** What the `afterStart` hook resolved with (empty until it has run), also in `<dataDir>/endpoints.json` */
  extras: Readonly<Record<string, string>>;
  project: LocalProject;
  gateway: Gateway;
  pools: Map<string, FunctionPool>;
  mappings: { functionName: string; mapping: EventSourceMapping }[];
  /** Where on-failure destinations (SQS/SNS) land, one JSON-lines file per queue or topic */
  destinationsDir: string;
  /** Where S3 buckets are, one directory per bucket */
  objectStoreDir: string;
  /**
   * Resolves once every record written to any stream before the call, and every record those
   * caused downstream, has been processed by every stream trigger (delivered or given up on).
   * Event-driven: it waits for the pollers' reads to reach each shard's end, not for quiet time,
   * so traffic of others that keeps flowing delays it only by a bounded number of rounds.
   */
  waitForIdle(options?: WaitForIdleOptions): Promise<void>;
  /** Memory and CPU time of the local cloud's processes: this one with its function instances, and DynamoDB Local */
  usage(): Promise<ProcessUsage>;
  /**
   * What AWS would bill for the work done since start, in AWS's units, by function: invocations and
   * billed GB-seconds, HTTP API requests, DynamoDB read and write request units.
   */
  meter: UsageMeter;
  stop(): Promise<void>;
}

/**
 * Starts a Serverless Framework v3 compose project on this machine: kinesalite, DynamoDB Local and
 * the local SageMaker, the streams and tables of every service, every function bundled as for a
 * deployment, one HTTP gateway for every route and static site, and every stream trigger and
 * schedule, all derived from serverless-compose.yml and the services' serverless.yml files. What is
 * specific to the project plugs in through `hooks`.
 *
 * @example
 * ```ts
 * const cloud = await startLocalCloud({ root: process.cwd(), dataDir: '.data/local', port: 3000 });
 * await fetch(`${cloud.url}/orders`, { method: 'POST', body: '{}' });
 * await cloud.waitForIdle(); // every stream trigger has processed what the request wrote
 * await cloud.stop();
 * ```
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const {
    root,
    dataDir,
    stage = 'local',
    maxInstances = Math.max(2, 2 * os.availableParallelism()),
    hooks = {},
    log = () => undefined,
  } = options;
  // Stopped in this order: what starts work (schedules, stream triggers), the functions (letting
  // invocations in flight finish), the gateway, then the emulators the functions were writing to.
  const stages = {
    triggers: new Stoppers(),
    functions: new Stoppers(),
    gateway: new Stoppers(),
    emulators: new Stoppers(),
  };
  const stop = async () => {
    for (const stage of [stages.triggers, stages.functions, stages.gateway, stages.emulators]) await stage.stopAll(log);
  };
  try {
    await mkdir(dataDir, { recursive: true });
    const kinesisPort = options.kinesisPort ?? (await freePort());
    const dynamoDbPort = options.dynamoDbPort ?? (await freePort());
    const sageMakerPort = options.sageMakerPort ?? (await freePort());
    const objectStoreDir = path.join(dataDir, 's3');
    const activity = new StreamActivity();
    const cacheDir = path.join(root, '.data', 'cache');
    const buildCache = { root, cacheDir: path.join(cacheDir, 'bundles'), hashes: new Map<string, Promise<string>>() };
    // allSettled: if one emulator fails to start, the others (DynamoDB Local is a child process) still get stopped.
    const started = await Promise.allSettled([
      startKinesisEmulator({
        port: kinesisPort,
        dataDir: path.join(dataDir, 'kinesis'),
        build: buildCache,
        onWrite: (stream) => activity.notify('kinesis', stream),
      }),
      startDynamoDbLocal({
        port: dynamoDbPort,
        dataDir: path.join(dataDir, 'dynamodb'),
        inMemory: options.dynamoDbInMemory ?? false,
        cacheDir,
      }),
      startSageMakerLocal({
        port: sageMakerPort,
        dataDir: path.join(dataDir, 'sagemaker'),
        objectStoreDir,
        modelRuntimes: hooks.modelRuntimes ?? {},
        log,
      }),
    ]);
    for (const result of started) if (result.status === 'fulfilled') stages.emulators.add(() => result.value.stop());
    const [kinesalite, dynamoDbLocal, sageMaker] = started.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    }) as [KinesisEmulator, Emulator, SageMakerLocal];
    log(
      `kinesalite on ${kinesalite.endpoint}, DynamoDB Local on ${dynamoDbLocal.endpoint}, SageMaker on ${sageMaker.endpoint}`,
    );

    const kinesis = localKinesisClient(kinesalite.endpoint);
    const dynamoDb = localDynamoDbClient(dynamoDbLocal.endpoint);
    stages.emulators.add(async () => [kinesis, dynamoDb].forEach((client) => client.destroy()));

    const project = await loadLocalProject({
      root,
      stage,
      cacheDir,
      kinesis,
      dynamoDb,
      ...(options.paramOverrides ? { paramOverrides: options.paramOverrides } : {}),
    });
    log(`${project.functions.length} functions in ${project.outputs.size} services`);

    // Bundles are cached under the repository so they resolve the runtime-provided packages (AWS SDK) from node_modules.
    const bundlingStarted = Date.now();
    const bundles = await bundleFunctions(project.functions, buildCache);
    const rebuilt = [...bundles.values()].filter((bundle) => !bundle.fromCache).length;
    log(
      `${bundles.size} function bundles ready in ${Date.now() - bundlingStarted} ms (${rebuilt} rebuilt, the rest unchanged)`,
    );
    // Functions write to Kinesis through a front that commits concurrent writes to a stream together.
    const kinesisFaults = options.kinesisFaults ? await startKinesisFaultFront(kinesalite.writeEndpoint) : undefined;
    if (kinesisFaults) stages.emulators.add(() => kinesisFaults.stop());
    const meter = new UsageMeter([
      'apiGatewayHttpRequest',
      'lambdaRequest',
      'lambdaGbSecond',
      ...(options.meterRequests === true
        ? (['dynamoDbReadRequestUnit', 'dynamoDbWriteRequestUnit', 'kinesisPutPayloadUnit'] as const)
        : []),
    ]);
    const meterEndpoint = await startMeterEndpoint(meter);
    stages.gateway.add(() => meterEndpoint.stop());
    // When metering, every function reaches DynamoDB Local and Kinesis through fronts that count its units.
    const dynamoDbMeter =
      options.meterRequests !== true
        ? undefined
        : await startDynamoDbMeter(dynamoDbLocal.endpoint, (scope, units) => {
            meter.add(scope, 'dynamoDbReadRequestUnit', units.readRequestUnits);
            meter.add(scope, 'dynamoDbWriteRequestUnit', units.writeRequestUnits);
          });
    if (dynamoDbMeter) stages.gateway.add(() => dynamoDbMeter.stop());
    const kinesisEndpoint = kinesisFaults?.endpoint ?? kinesalite.writeEndpoint;
    const kinesisMeter =
      options.meterRequests !== true
        ? undefined
        : await startKinesisMeter(kinesisEndpoint, (scope, units) => meter.add(scope, 'kinesisPutPayloadUnit', units));
    if (kinesisMeter) stages.gateway.add(() => kinesisMeter.stop());
    // Otherwise through a front that commits their concurrent single-item writes together (one disk sync per group).
    const dynamoDbGroupCommit = dynamoDbMeter ? undefined : await startDynamoDbGroupCommit(dynamoDbLocal.endpoint);
    if (dynamoDbGroupCommit) stages.gateway.add(() => dynamoDbGroupCommit.stop());
    // Lambda's Invoke API for the functions that call others.
    const lambda = await startLambdaLocal({ port: 0, invoke: (name, event) => pools.get(name)?.invoke(event) });
    stages.gateway.add(() => lambda.stop());
    const localEnvironment = {
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_KINESIS: kinesisEndpoint,
      AWS_ENDPOINT_URL_DYNAMODB: dynamoDbLocal.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamoDbLocal.endpoint,
      AWS_ENDPOINT_URL_SAGEMAKER: sageMaker.endpoint,
      AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: sageMaker.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      // S3 buckets are directories here (no S3 emulator): `<dataDir>/s3/<bucket name>/<key>`.
      LOCAL_OBJECT_STORE_DIR: objectStoreDir,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
    };
    const pools = await startFunctionPools(project.functions, {
      bundles,
      environmentOf: (fn) => ({
        ...localEnvironment,
        ...fn.environment,
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
        AWS_ENDPOINT_URL_DYNAMODB:
          dynamoDbMeter?.endpointFor(fn.name) ?? dynamoDbGroupCommit?.endpoint ?? dynamoDbLocal.endpoint,
        AWS_ENDPOINT_URL_KINESIS: kinesisMeter?.endpointFor(fn.name) ?? kinesisEndpoint,
        LOCAL_CLOUD_METER_URL: meterEndpoint.url,
      }),
      logsDir: path.join(dataDir, 'logs'),
      maxInstances,
      ...(options.instanceIdleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.instanceIdleTimeoutMs }),
      warm: options.warm ?? false,
      onInvocationEnd: (fn, durationMs) => {
        meter.add(fn.name, 'lambdaRequest', 1);
        meter.add(fn.name, 'lambdaGbSecond', lambdaGbSeconds(fn.memorySize, durationMs));
        // Functions write the tables whose streams other functions read: after one of theirs, those pollers look at once.
        if (fn.writesTables) activity.notify('dynamodb');
      },
      onStop: (stopPool) => stages.functions.add(stopPool),
      log,
    });

    const routes = project.functions.flatMap((fn) =>
      fn.routes.map((route) => ({
        ...route,
        target: (event: unknown) => {
          meter.add(
            fn.name,
            'apiGatewayHttpRequest',
            httpApiRequests(Buffer.byteLength((event as { body?: string }).body ?? '')),
          );
          return pools.get(fn.name)!.invoke(event);
        },
      })),
    );
    const buildDir = path.join(root, '.data', 'build', `${process.pid}-${Date.now()}`);
    stages.emulators.add(() => rm(buildDir, { recursive: true, force: true }));
    const sites = await Promise.all(
      project.staticSites.map(async (site) => {
        const siteDir = path.join(buildDir, 'sites', site.service);
        await buildStaticSite(site, siteDir, buildCache);
        return { path: site.path, root: siteDir };
      }),
    );
    const gateway = await startGateway({
      routes,
      sites,
      port: options.port ?? 0,
      ...(hooks.gatewayErrorBody ? { errorBody: hooks.gatewayErrorBody } : {}),
    });
    stages.triggers.add(() => gateway.stopAccepting());
    stages.gateway.add(() => gateway.close());

    const destinationsDir = path.join(dataDir, 'destinations');
    const mappings = await startTriggers(project.functions, pools, {
      kinesisEndpoint: kinesalite.endpoint,
      dynamoDbEndpoint: dynamoDbLocal.endpoint,
      stateDir: path.join(dataDir, 'checkpoints'),
      onFailure: fileOnFailureSink(destinationsDir),
      activity,
      onStop: (stopTrigger) => stages.triggers.add(stopTrigger),
      log,
    });

    const sitePaths = sites.map((site) => `${site.path}/`).join(', ') || 'none';
    log(`gateway on ${gateway.url} with ${routes.length} routes; static sites: ${sitePaths}`);
    const emulatorPids = dynamoDbLocal.pid === undefined ? [] : [dynamoDbLocal.pid];
    const cloud: LocalCloud = {
      url: gateway.url,
      dataDir,
      kinesisEndpoint: kinesalite.endpoint,
      dynamoDbEndpoint: dynamoDbLocal.endpoint,
      dynamoDbPid: dynamoDbLocal.pid,
      kinesisFaults,
      sageMakerEndpoint: sageMaker.endpoint,
      sageMaker,
      lambdaEndpoint: lambda.endpoint,
      extras: {},
      project,
      gateway,
      pools,
      mappings,
      destinationsDir,
      objectStoreDir,
      waitForIdle: (idleOptions) =>
        waitForIdle(
          mappings.map(({ mapping }) => mapping),
          idleOptions,
        ),
      usage: () => processUsage([process.pid, ...emulatorPids]),
      meter,
      stop,
    };
    cloud.extras = { ...(await hooks.afterStart?.(cloud)) };
    // It may hold what the hook gave, keys included: readable by this user only.
    await writePrivateFile(
      path.join(dataDir, 'endpoints.json'),
      JSON.stringify(
        {
          ...cloud.extras,
          gateway: gateway.url,
          kinesis: kinesalite.endpoint,
          dynamoDb: dynamoDbLocal.endpoint,
          sageMaker: sageMaker.endpoint,
          lambda: lambda.endpoint,
          objectStore: objectStoreDir,
          pid: process.pid,
        },
        null,
        2,
      ),
    );
    return cloud;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stop functions of one stage of the shutdown, run in parallel. */
class Stoppers {
  private readonly stoppers: (() => Promise<void>)[] = [];

  add(stopper: () => Promise<void>): void {
    this.stoppers.push(stopper);
  }

  async stopAll(log: (message: string) => void): Promise<void> {
    const stoppers = this.stoppers.splice(0);
    await Promise.all(stoppers.map((stopOne) => stopOne().catch((error: unknown) => log(`stop: ${String(error)}`))));
  }
}
