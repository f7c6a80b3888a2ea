import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FEATURE_SPEC, predictRows, type LinearModel } from '@sdp/shared-model';
import { freePort } from '@sdp/local-cloud';

/*
 * The bid-win model container's server (services/predict/container/server.ts), started as SageMaker
 * starts the image (`serve`, SAGEMAKER_BIND_TO_PORT) with MODEL_DIR standing in for /opt/ml/model.
 */
const root = path.resolve(__dirname, '..');
const serverPath = path.join(root, 'services/predict/container/server.ts');

const MODEL: LinearModel = {
  format: 'sdp-logistic-v1',
  version: '2026-11-22T06-00-00Z',
  featureSpec: DEFAULT_FEATURE_SPEC,
  weights: Array.from({ length: 1025 }, (_, i) => Math.cos(i) / 8),
  bias: -0.2,
  threshold: 0.5,
};
const ROWS = [
  Array.from({ length: 1025 }, (_, i) => (i % 97 === 0 ? 1 : 0)),
  Array.from({ length: 1025 }, (_, i) => (i === 1024 ? 4.5 : 0)),
];

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(modelDir: string, port: number, mode = 'serve'): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', serverPath, mode], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MODEL_DIR: modelDir,
      SAGEMAKER_BIND_TO_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls GET /ping, as SageMaker's health check does, until it answers or the process exits. */
async function pingUntilUp(started: Started, port: number): Promise<Response> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (started.child.exitCode !== null) throw new Error(`the server exited: ${started.output()}`);
    const response = await fetch(`http://127.0.0.1:${port}/ping`).catch(() => undefined);
    if (response) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server did not come up: ${started.output()}`);
}

describe('the model container server', () => {
  let modelDir: string;
  let port: number;
  let server: Started;

  beforeAll(async () => {
    modelDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-model-'));
    await writeFile(path.join(modelDir, 'model.json'), JSON.stringify(MODEL));
    port = await freePort();
    server = startServer(modelDir, port);
  });

  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(modelDir, { recursive: true, force: true });
  });

  it('answers the ping health check with 200 once the model is loaded', async () => {
    // Act
    const response = await pingUntilUp(server, port);

    // Assess
    expect([response.status, await response.json()]).toStrictEqual([
      200,
      { status: 'ok', model_version: MODEL.version },
    ]);
  }, 30_000);

  it.each([
    ['text/csv', ROWS.map((row) => row.join(',')).join('\n')],
    ['application/json', JSON.stringify({ instances: ROWS.map((features) => ({ features })) })],
  ])('scores %s rows with the model version in the custom attributes', async (contentType, body) => {
    // Act
    const response = await fetch(`http://127.0.0.1:${port}/invocations`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });

    // Assess
    expect({
      status: response.status,
      contentType: response.headers.get('content-type'),
      attributes: response.headers.get('x-amzn-sagemaker-custom-attributes'),
      body: await response.json(),
    }).toStrictEqual({
      status: 200,
      contentType: 'application/json',
      attributes: `model_version=${MODEL.version}`,
      body: predictRows(MODEL, ROWS),
    });
  });

  it('answers 400 with the reason for a body it cannot read', async () => {
    // Act
    const response = await fetch(`http://127.0.0.1:${port}/invocations`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: '1,2,3',
    });

    // Assess
    expect([response.status, await response.text()]).toStrictEqual([
      400,
      "Row 1 must hold 1025 finite numbers (the model's feature width).",
    ]);
  });

  it('exits 1 and says why when model.json cannot be served, so SageMaker fails the deployment', async () => {
    // Prepare
    const badDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-model-'));
    await writeFile(path.join(badDir, 'model.json'), JSON.stringify({ ...MODEL, weights: [1, 2, 3] }));

    // Act
    const failed = startServer(badDir, await freePort());
    const code = await failed.exited;

    // Assess
    expect(code).toBe(1);
    expect(failed.output()).toContain(
      `${path.join(badDir, 'model.json')} is not a servable model: weights must be 1025 finite numbers (hashBuckets + 1).`,
    );
    await rm(badDir, { recursive: true, force: true });
  }, 30_000);

  it('refuses to train', async () => {
    // Act
    const training = startServer(modelDir, await freePort(), 'train');

    // Assess
    expect(await training.exited).toBe(2);
    expect(training.output()).toContain('This image only serves: run it with \\"serve\\", not \\"train\\"');
  }, 30_000);
});
