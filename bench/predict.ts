/**
 * `npm run bench:predict`: how fast predictions are, end to end and at the model endpoint, and how
 * fast the trainer is.
 *
 * 1. Training: the retrain service's trainer on 100,000 synthetic bids (win probability from price
 *    and domain), 8 epochs, median of 3 runs, in this process.
 * 2. Serving: that model is published as retrain would (artifact, registry, SageMaker endpoint) to the
 *    local cloud running in a child process; then, alternating 3 times, 10 s of `POST /predictions`
 *    (validation, live feature spec, InvokeEndpoint through the AWS SDK) and 10 s of direct
 *    InvokeEndpoint calls with the same features as CSV, 16 connections each: predictions/s, p50/p99
 *    and the ratio.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { describeLocalResource, localDynamoDbClient } from '@sdp/local-cloud';
import {
  DEFAULT_TRAINING_OPTIONS,
  dynamoDbModelRegistry,
  evaluateModel,
  objectStoreModelArtifacts,
  requestPromotion,
  sageMakerModelEndpoint,
  splitByTime,
  trainLogisticRegression,
} from '@sdp/retrain';
import { syntheticBids } from '../fixtures/bids/syntheticBids.ts';
import { directoryObjectStore } from '@sdp/shared-lake';
import { buildFeatures, DEFAULT_FEATURE_SPEC, featureWidth } from '@sdp/shared-model';
import { runAutocannon, type SingleEventRun } from './lib/runAutocannon.ts';
import { median, round } from './lib/statistics.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from './servers/localCloudHost.ts';
import { machineDescription } from './lib/machineDescription.ts';

const LOAD = { connections: 16, warmupSeconds: 2, durationSeconds: 10 };
const REQUEST = {
  campaignItemId: '1463517',
  domain: 'news.example.com',
  creativeId: 'creative-1',
  creativeCategory: 'sports',
  winPrice: 420,
};

// 1. Training time.
const { train, validation } = splitByTime(syntheticBids(125_000, 3), 0.2);
const trainingMs: number[] = [];
let trained = trainLogisticRegression(train, featureWidth(DEFAULT_FEATURE_SPEC));
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  trained = trainLogisticRegression(train, featureWidth(DEFAULT_FEATURE_SPEC), DEFAULT_TRAINING_OPTIONS);
  trainingMs.push(performance.now() - started);
}
const training = {
  rows: train.length,
  epochs: DEFAULT_TRAINING_OPTIONS.epochs,
  medianMs: round(median(trainingMs)),
  auc: round(evaluateModel(trained, validation).auc, 4),
};
console.log(
  `Training: ${training.rows} rows × ${training.epochs} epochs in ${training.medianMs} ms (median of 3); validation AUC ${training.auc}`,
);

// 2. Serving.
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-predict-'));
const cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
  path.join(import.meta.dirname, 'servers/localCloudHost.ts'),
  [dataDir],
);
try {
  const { url, sageMakerEndpoint, dynamoDbEndpoint, objectStoreDir } = cloud.ready;
  const bucket = describeLocalResource(
    'ModelArtifactsBucket',
    'AWS::S3::Bucket',
    {},
    'sdp-retrain-local',
    'us-east-1',
  )!.ref;
  const registry = dynamoDbModelRegistry('sdp-retrain-local-model-registry', localDynamoDbClient(dynamoDbEndpoint));
  const artifacts = objectStoreModelArtifacts(directoryObjectStore(path.join(objectStoreDir, bucket)), bucket);
  const sageMaker = new SageMakerClient({
    endpoint: sageMakerEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(),
  });
  const endpoint = sageMakerModelEndpoint({
    endpointName: 'sdp-bid-win-local',
    image: 'bench',
    executionRoleArn: 'arn:aws:iam::000000000000:role/bench',
    client: sageMaker,
  });
  const version = 'bench-1';
  const artifact = await artifacts.save({
    format: 'sdp-logistic-v1',
    version,
    featureSpec: DEFAULT_FEATURE_SPEC,
    weights: trained.weights,
    bias: trained.bias,
    threshold: 0.5,
  });
  const metrics = { auc: training.auc, log_loss: 0, calibration_error: 0, rows: validation.length, positives: 0 };
  const at = new Date().toISOString();
  await registry.put({
    version,
    created_at: at,
    decision: 'promoted',
    reason: 'bench',
    metrics,
    training: {
      from: at,
      to: at,
      train_rows: train.length,
      validation_rows: validation.length,
      validation_from: at,
      labels: 'observed',
    },
    feature_spec: { ...DEFAULT_FEATURE_SPEC },
    artifact,
  });
  const promoted = await requestPromotion(
    version,
    { registry, endpoint, now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    { graceMs: 20_000, timeoutMs: 60_000, pollMs: 50 },
  );
  if (!promoted.live)
    throw new Error(`The local endpoint did not serve ${version} within 20 s: ${JSON.stringify(promoted.promotion)}`);

  const csv = Array.from(buildFeatures(REQUEST, DEFAULT_FEATURE_SPEC)).join(',');
  const runs: { api: SingleEventRun[]; endpoint: SingleEventRun[] } = { api: [], endpoint: [] };
  for (let round_ = 0; round_ < 3; round_++) {
    runs.api.push(
      await runAutocannon(`${url}/predictions`, JSON.stringify(REQUEST), {
        ...LOAD,
        headers: { 'x-api-key': cloud.ready.apiKey },
      }),
    );
    runs.endpoint.push(
      await runAutocannon(`${sageMakerEndpoint}/endpoints/sdp-bid-win-local/invocations`, csv, {
        ...LOAD,
        contentType: 'text/csv',
      }),
    );
  }
  const summary = (list: SingleEventRun[]) => ({
    predictionsPerSecond: round(median(list.map((r) => r.requestsPerSecondMean))),
    p50Ms: round(median(list.map((r) => r.latencyP50Ms))),
    p99Ms: round(median(list.map((r) => r.latencyP99Ms))),
    non2xx: list.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  });
  const serving = { api: summary(runs.api), endpoint: summary(runs.endpoint), load: LOAD };
  const ratio = round(serving.api.predictionsPerSecond / serving.endpoint.predictionsPerSecond, 3);
  console.log(
    `POST /predictions: ${serving.api.predictionsPerSecond}/s, p50 ${serving.api.p50Ms} ms, p99 ${serving.api.p99Ms} ms (${serving.api.non2xx} failed)`,
  );
  console.log(
    `InvokeEndpoint direct: ${serving.endpoint.predictionsPerSecond}/s, p50 ${serving.endpoint.p50Ms} ms, p99 ${serving.endpoint.p99Ms} ms (${serving.endpoint.non2xx} failed)`,
  );
  console.log(`Ratio API / endpoint: ${ratio}`);

  const results = {
    measuredAt: new Date().toISOString(),
    machine: machineDescription(),
    training: { ...training, msPer100kRows: round((training.medianMs / training.rows) * 100_000) },
    serving,
    ratio,
  };
  await writeBenchResults('predict', results);
} finally {
  await cloud.stop();
  await rm(dataDir, { recursive: true, force: true });
}
