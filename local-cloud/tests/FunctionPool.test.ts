import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { FunctionCrashError, FunctionError, FunctionTimeoutError } from '../src/functions/errors.js';
import { FunctionPool, type FunctionPoolOptions } from '../src/functions/FunctionPool.js';
import type { LocalFunction } from '../src/project/types.js';

const HANDLER = `
const instanceId = crypto.randomUUID();
export const handler = async (event) => {
  if (event.whoAmI) return { instanceId };
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
  const pool = (
    fn = localFunction(),
    maxInstances = 2,
    options: Pick<FunctionPoolOptions, 'idleTimeoutMs' | 'onInvocationEnd'> = {},
  ) => {
    const created = new FunctionPool(fn, {
      bundlePath,
      exportName: 'handler',
      environment: { STAGE: 'test' },
      maxInstances,
      logs: new PassThrough(),
      ...options,
    });
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

  it('stops an instance that stays free for idleTimeoutMs, and starts a new one for the next invocation', async () => {
    // Prepare
    const echo = pool(localFunction(), 2, { idleTimeoutMs: 500 });
    const first = await echo.invoke({ whoAmI: true });
    await sleep(50);
    const reused = await echo.invoke({ whoAmI: true });
    const sizeWhileUsed = echo.size;

    // Act
    const deadline = Date.now() + 3_000;
    while (echo.size > 0 && Date.now() < deadline) await sleep(10);
    const sizeWhenIdle = echo.size;
    const next = await echo.invoke({ whoAmI: true });

    // Assess
    expect({ sizeWhileUsed, sizeWhenIdle, sizeAfter: echo.size }).toStrictEqual({
      sizeWhileUsed: 1,
      sizeWhenIdle: 0,
      sizeAfter: 1,
    });
    expect(reused).toStrictEqual(first);
    expect(next).not.toStrictEqual(first);
  }, 20_000);

  it('keeps free instances when idleTimeoutMs is 0', async () => {
    // Prepare
    const echo = pool(localFunction(), 2, { idleTimeoutMs: 0 });
    const first = await echo.invoke({ whoAmI: true });

    // Act
    await sleep(300);
    const later = await echo.invoke({ whoAmI: true });

    // Assess
    expect({ size: echo.size, later }).toStrictEqual({ size: 1, later: first });
  }, 20_000);

  it('calls onInvocationEnd after every invocation, whatever its outcome', async () => {
    // Prepare
    const happened: string[] = [];
    const echo = pool(localFunction(), 2, { onInvocationEnd: () => happened.push('end') });

    // Act
    await echo.invoke({ value: 1 }).then(() => happened.push('resolved'));
    await echo.invoke({ fail: true }).catch(() => happened.push('rejected'));
    await echo.invoke({ value: 2 }).then(() => happened.push('resolved'));

    // Assess
    expect(happened).toStrictEqual(['end', 'resolved', 'end', 'rejected', 'end', 'resolved']);
    expect({ invocations: echo.invocations, errors: echo.errors }).toStrictEqual({ invocations: 3, errors: 1 });
  }, 20_000);

  it('lets a running invocation finish when stopped, and refuses new ones', async () => {
    // Prepare
    const echo = pool();
    const running = echo.invoke({ sleepMs: 300, value: 'in flight' }).catch((error: unknown) => error);
    while (echo.busy === 0) await sleep(5);

    // Act
    await echo.stop();
    const refused = await echo.invoke({ value: 'too late' }).catch((error: unknown) => error);

    // Assess
    expect(await running).toStrictEqual({ echo: 'in flight', stage: 'test' });
    expect(refused).toBeInstanceOf(FunctionCrashError);
    expect((refused as Error).message).toContain('the local cloud is stopping');
    expect(echo.size).toBe(0);
  }, 20_000);

  it('lets an invocation whose instance is still starting finish when stopped', async () => {
    // Prepare
    const echo = pool();
    const starting = echo.invoke({ sleepMs: 300, value: 'starting' }).catch((error: unknown) => error);

    // Act
    await echo.stop();

    // Assess
    expect(await starting).toStrictEqual({ echo: 'starting', stage: 'test' });
  }, 20_000);

  it('fails an invocation still waiting for a free instance at once when stopped', async () => {
    // Prepare
    const echo = pool(localFunction({ timeoutSeconds: 5 }), 1);
    const running = echo.invoke({ sleepMs: 300, value: 'running' }).catch((error: unknown) => error);
    while (echo.busy === 0) await sleep(5);
    const queued = echo.invoke({ value: 'queued' }).catch((error: unknown) => error);

    // Act
    const stopping = echo.stop();
    const settled = await queued;
    await stopping;

    // Assess
    expect(await running).toStrictEqual({ echo: 'running', stage: 'test' });
    expect(settled).toBeInstanceOf(FunctionCrashError);
    expect((settled as Error).message).toContain('the local cloud is stopping');
  }, 20_000);
});
