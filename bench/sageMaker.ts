/**
 * `npm run bench:sagemaker`: how many InvokeEndpoint calls the local SageMaker answers, and how long
 * a model version switch takes under load.
 *
 * 1. Throughput: closed-loop callers (the AWS SDK's SageMakerRuntimeClient, as the predict service
 *    calls it) send one 1,025-wide CSV row per call, then 100 rows per call; invocations/s, rows/s
 *    and latency percentiles. The emulator runs in its own process.
 * 2. Swap: under 8 callers of one row each, UpdateEndpoint alternates between two model versions
 *    ten times; for each switch, the time from the UpdateEndpoint call to DescribeEndpoint showing
 *    InService (polled every 5 ms) and to the first answer from the new version, and every call's
 *    outcome during the switch (none may fail).
 *
 * Everything runs on loopback and temporary directories and stops by itself.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime';
import { buildFeatures, DEFAULT_FEATURE_SPEC, packModelArtifact, type LinearModel } from '@sdp/shared-model';
import { localSageMakerClient, localSageMakerRuntimeClient } from '@sdp/local-cloud';
import { runClosedLoop } from './lib/runClosedLoop.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import { percentile, round } from './lib/statistics.ts';
import type { SageMakerHostReady } from './servers/sageMakerHost.ts';
import { machineDescription } from './lib/machineDescription.ts';

const CONCURRENCY = [1, 8, 32];
const SWAPS = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const aModel = (version: string, seed: number): LinearModel => ({
  format: 'sdp-logistic-v1',
  version,
  featureSpec: DEFAULT_FEATURE_SPEC,
  weights: Array.from({ length: DEFAULT_FEATURE_SPEC.hashBuckets + 1 }, (_, i) => Math.sin(i * seed) / 4),
  bias: 0,
  threshold: 0.5,
});
const rowOf = (i: number) =>
  Array.from(
    buildFeatures(
      {
        campaignItemId: String(i),
        domain: `site${i % 50}.example.com`,
        creativeId: `c${i % 20}`,
        creativeCategory: 'sports',
        winPrice: 10 + (i % 300),
      },
      DEFAULT_FEATURE_SPEC,
    ),
  ).join(',');
const ONE_ROW = rowOf(1);
const HUNDRED_ROWS = Array.from({ length: 100 }, (_, i) => rowOf(i)).join('\n');

const workDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-sagemaker-'));
const objectStoreDir = path.join(workDir, 's3');
const host = await startChildServer<SageMakerHostReady>(path.join(import.meta.dirname, 'servers/sageMakerHost.ts'), [
  path.join(workDir, 'sagemaker'),
  objectStoreDir,
]);
const sageMaker = localSageMakerClient(host.ready.endpoint);
const runtime = localSageMakerRuntimeClient(host.ready.endpoint);
const invoke = async (Body: string) => {
  const output = await runtime.send(
    new InvokeEndpointCommand({ EndpointName: 'bid-win', ContentType: 'text/csv', Body }),
  );
  return output.CustomAttributes;
};
const settled = async () => {
  for (;;) {
    const { EndpointStatus } = await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));
    if (EndpointStatus !== 'Creating' && EndpointStatus !== 'Updating') return EndpointStatus;
    await sleep(5);
  }
};

try {
  for (const version of ['v1', 'v2']) {
    const key = `bid-win/${version}/model.tar.gz`;
    await mkdir(path.dirname(path.join(objectStoreDir, 'models', key)), { recursive: true });
    await writeFile(
      path.join(objectStoreDir, 'models', key),
      await packModelArtifact(aModel(version, version === 'v1' ? 1 : 2)),
    );
    await sageMaker.send(
      new CreateModelCommand({
        ModelName: `bid-win-${version}`,
        PrimaryContainer: { Image: 'sdp-model', ModelDataUrl: `s3://models/${key}` },
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
  }
  await sageMaker.send(new CreateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: 'bid-win-v1' }));
  await settled();

  const throughput = [];
  for (const [rowsPerCall, body] of [
    [1, ONE_ROW],
    [100, HUNDRED_ROWS],
  ] as const) {
    for (const concurrency of CONCURRENCY) {
      const result = await runClosedLoop({
        concurrency,
        warmupMs: 2_000,
        durationMs: 10_000,
        call: async () => (await invoke(body), { completed: 1, attempted: 1 }),
      });
      const row = {
        rowsPerCall,
        bodyBytes: Buffer.byteLength(body),
        concurrency,
        invocationsPerSecond: round(result.unitsPerSecond),
        rowsPerSecond: round(result.unitsPerSecond * rowsPerCall),
        p50Ms: round(result.latencyP50Ms, 2),
        p99Ms: round(result.latencyP99Ms, 2),
        errors: result.callErrors,
      };
      throughput.push(row);
      console.log(
        `${rowsPerCall} row(s)/call, ${concurrency} callers: ${row.invocationsPerSecond} invocations/s (${row.rowsPerSecond} rows/s), p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.errors} errors`,
      );
    }
  }

  const swaps = [];
  for (let i = 0; i < SWAPS; i++) {
    const from = i % 2 === 0 ? 'v1' : 'v2';
    const to = from === 'v1' ? 'v2' : 'v1';
    let running = true;
    let firstNewAt: number | undefined;
    let answers = 0;
    let errors = 0;
    let sent = 0;
    const callers = Array.from({ length: 8 }, async () => {
      while (running) {
        try {
          const attributes = await invoke(ONE_ROW);
          answers++;
          if (attributes === `model_version=${to}` && firstNewAt === undefined && sent > 0)
            firstNewAt = performance.now();
        } catch {
          errors++;
        }
      }
    });
    await sleep(200);
    sent = performance.now();
    await sageMaker.send(new UpdateEndpointCommand({ EndpointName: 'bid-win', EndpointConfigName: `bid-win-${to}` }));
    const status = await settled();
    const inServiceMs = performance.now() - sent;
    await sleep(200);
    running = false;
    await Promise.all(callers);
    swaps.push({
      from,
      to,
      status,
      inServiceMs: round(inServiceMs, 1),
      firstAnswerFromNewVersionMs: round((firstNewAt ?? Number.NaN) - sent, 1),
      answers,
      errors,
    });
  }
  const swap = {
    swaps: swaps.length,
    inServiceP50Ms: round(
      percentile(
        swaps.map((s) => s.inServiceMs),
        50,
      ),
      1,
    ),
    inServiceMaxMs: Math.max(...swaps.map((s) => s.inServiceMs)),
    firstNewAnswerP50Ms: round(
      percentile(
        swaps.map((s) => s.firstAnswerFromNewVersionMs),
        50,
      ),
      1,
    ),
    answersDuringSwaps: swaps.reduce((sum, s) => sum + s.answers, 0),
    errorsDuringSwaps: swaps.reduce((sum, s) => sum + s.errors, 0),
    each: swaps,
  };
  console.log(
    `swap under 8 callers: InService after p50 ${swap.inServiceP50Ms} ms (max ${swap.inServiceMaxMs} ms), first answer from the new version after p50 ${swap.firstNewAnswerP50Ms} ms; ${swap.answersDuringSwaps} answers, ${swap.errorsDuringSwaps} errors`,
  );

  const results = {
    measuredAt: new Date().toISOString(),
    machine: { ...machineDescription(), loadAverage: os.loadavg() },
    featureWidth: DEFAULT_FEATURE_SPEC.hashBuckets + 1,
    throughput,
    swap,
  };
  await writeBenchResults('sagemaker', results);
} finally {
  sageMaker.destroy();
  runtime.destroy();
  await host.stop();
  await rm(workDir, { recursive: true, force: true });
}
