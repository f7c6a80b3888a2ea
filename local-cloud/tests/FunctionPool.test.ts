import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { FunctionCrashError, FunctionError, FunctionTimeoutError } from '../src/functions/errors.js';
import { FunctionPool } from '../src/functions/FunctionPool.js';
import type { LocalFunction } from '../src/project/types.js';

const HANDLER = `
export const handler = async (event) => {
  if (event.fail) throw new TypeError('bad input');
  if (event.sleepMs) await new Promise((resolve) => setTimeout(resolve, event.sleepMs));
  return { echo: event.value, stage: process.env.STAGE };
};
`;

function localFunction(overrides: Partial<LocalFunction> = {}): LocalFunction {
  return {
    service: 'probe',
    serviceDir: '/unused',
    key: 'echo',
    name: 'probe-test-echo',
    handler: 'src/echo.handler',
    timeoutSeconds: 2,
    memorySize: 128,
    environment: {},
    writesTables: false,
    esbuild: {},
    routes: [],
    streams: [],
    schedules: [],
    ...overrides,
  };
}

describe('FunctionPool', () => {
  let dir: string;
  let bundlePath: string;
  const pools: FunctionPool[] = [];
  const pool = (fn = localFunction(), maxInstances = 2) => {
    const created = new FunctionPool(fn, { bundlePath, exportName: 'handler', environment: { STAGE: 'test' }, maxInstances, logs: new PassThrough() });
    pools.push(created);
    return created;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sdp-pool-'));
    bundlePath = path.join(dir, 'echo.mjs');
    await writeFile(bundlePath, HANDLER);
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the handler with its own environment and returns its result', async () => {
    // Act
    const result = await pool().invoke({ value: 42 });

    // Assess
    expect(result).toStrictEqual({ echo: 42, stage: 'test' });
  }, 20_000);

  it('rejects with the handler error, and the instance keeps serving', async () => {
    // Prepare
    const echo = pool();

    // Act
    const failure = await echo.invoke({ fail: true }).catch((error: unknown) => error);
    const next = await echo.invoke({ value: 'after' });

    // Assess
    expect(failure).toBeInstanceOf(FunctionError);
    expect((failure as FunctionError).errorType).toBe('TypeError');
    expect(next).toStrictEqual({ echo: 'after', stage: 'test' });
  }, 20_000);

  it('stops an invocation that runs past the timeout and replaces the instance', async () => {
    // Prepare
    const slow = pool(localFunction({ timeoutSeconds: 1 }));

    // Act
    const failure = await slow.invoke({ sleepMs: 5_000 }).catch((error: unknown) => error);
    const next = await slow.invoke({ value: 'fresh' });

    // Assess
    expect(failure).toBeInstanceOf(FunctionTimeoutError);
    expect(next).toStrictEqual({ echo: 'fresh', stage: 'test' });
  }, 20_000);

  it('fails, rather than strands, invocations of instances killed while running or still starting', async () => {
    // Prepare
    const echo = pool(localFunction(), 1);
    const running = echo.invoke({ sleepMs: 2_000 }).catch((error: unknown) => error);
    const queued = echo.invoke({ value: 'queued' }).catch((error: unknown) => error);
    while (echo.busy === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    // Act
    await echo.kill();
    const starting = echo.invoke({ value: 'starting' }).catch((error: unknown) => error);
    await echo.kill();

    // Assess
    expect(await running).toBeInstanceOf(FunctionCrashError);
    expect(await queued).toBeInstanceOf(FunctionCrashError);
    expect(await starting).toStrictEqual({ echo: 'starting', stage: 'test' });
    expect(await echo.invoke({ value: 'later' })).toStrictEqual({ echo: 'later', stage: 'test' });
  }, 20_000);
});
