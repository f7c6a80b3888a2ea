import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { LocalFunction } from '../project/types.js';
import type { FunctionBundle } from './bundleFunctions.js';
import { FunctionPool } from './FunctionPool.js';

export interface FunctionPoolsOptions {
  bundles: ReadonlyMap<string, FunctionBundle>;
  /** A function's whole environment: the local cloud's endpoints and credentials, then its own variables */
  environmentOf: (fn: LocalFunction) => Record<string, string>;
  /** `<logsDir>/<function>.log` gets what its instances print */
  logsDir: string;
  /** Instances per function unless it sets reservedConcurrency */
  maxInstances: number;
  idleTimeoutMs?: number;
  /** Start an instance of every function (two of each HTTP function) before resolving */
  warm: boolean;
  onInvocationEnd: (fn: LocalFunction, durationMs: number) => void;
  /** Called with each pool's stop (instances, then the log), to be run when the cloud stops */
  onStop: (stop: () => Promise<void>) => void;
  log: (message: string) => void;
}

/**
 * A pool of worker-thread instances for every function, as Lambda keeps sandboxes: instances start
 * on first use (or now, with `warm`), up to the function's reserved concurrency, and write to the
 * function's log file.
 *
 * @example
 * const pools = await startFunctionPools(project.functions, { bundles, environmentOf, logsDir, maxInstances: 4, warm: false, onInvocationEnd, onStop, log });
 * await pools.get('sdp-ingest-local-putEvent')!.invoke(event);
 */
export async function startFunctionPools(
  functions: readonly LocalFunction[],
  options: FunctionPoolsOptions,
): Promise<Map<string, FunctionPool>> {
  await mkdir(options.logsDir, { recursive: true });
  const pools = new Map<string, FunctionPool>();
  for (const fn of functions) {
    const { bundlePath, exportName } = options.bundles.get(fn.name)!;
    const logs = createWriteStream(path.join(options.logsDir, `${fn.name}.log`), { flags: 'a' });
    const maxInstances = fn.reservedConcurrency ?? options.maxInstances;
    // Every instance pipes its stdout and stderr into the function's log.
    logs.setMaxListeners(2 * maxInstances + 4);
    const pool = new FunctionPool(fn, {
      bundlePath,
      exportName,
      environment: options.environmentOf(fn),
      maxInstances,
      logs,
      ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
      onInvocationEnd: (durationMs) => options.onInvocationEnd(fn, durationMs),
    });
    pools.set(fn.name, pool);
    options.onStop(async () => {
      await pool.stop();
      await closeStream(logs);
    });
  }
  if (options.warm) {
    await Promise.all(
      functions.map((fn) =>
        // A function that fails to start fails its invocations, as on Lambda; the rest keeps running.
        pools
          .get(fn.name)!
          .warm(fn.routes.length > 0 ? 2 : 1)
          .catch((error: Error) => options.log(`${fn.name} did not start: ${error.message}`)),
      ),
    );
  }
  return pools;
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}
