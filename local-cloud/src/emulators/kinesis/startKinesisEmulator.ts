import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { cachedBuild, type FileHashes } from '../../build/cachedBuild.js';
import { EmulatorStartError } from '../../errors.js';
import type { Emulator, EmulatorOptions } from '../types.js';
import type { KinesisThreadMessage, KinesisThreadOptions } from './types.js';

/** The local Kinesis: one endpoint for everything, and one that groups concurrent writes for the functions. */
export interface KinesisEmulator extends Emulator {
  /** The group-commit front (PutRecord, PutRecords grouped per stream; everything else passed on) */
  readonly writeEndpoint: string;
}

export interface KinesisEmulatorOptions extends EmulatorOptions {
  /** Hears of every stream that took records (undefined: a stream whose name could not be read) */
  onWrite?: (streamName: string | undefined) => void;
  /** The thread's code is bundled into this content-hash cache, under the project root */
  build: { root: string; cacheDir: string; hashes?: FileHashes };
}

/**
 * Starts kinesalite and its group-commit front ({@link startKinesisGroupCommit}) in a worker thread
 * of their own, so that storing records never waits for the gateway, the stream pollers or function
 * messaging on the main thread, and they never wait for it.
 *
 * @example
 * ```ts
 * const kinesis = await startKinesisEmulator({ port, dataDir, build: { root, cacheDir }, onWrite: (stream) => wake(stream) });
 * // readers use kinesis.endpoint; functions write through kinesis.writeEndpoint
 * await kinesis.stop();
 * ```
 */
export async function startKinesisEmulator(options: KinesisEmulatorOptions): Promise<KinesisEmulator> {
  // import.meta.dirname: this file's directory under tsx, and __dirname once Jest's SWC made it CommonJS.
  const entry = path.join(import.meta.dirname, 'kinesisThread.ts');
  const built = await cachedBuild([{ id: 'kinesis-thread', entryPoints: [{ in: entry, out: 'kinesisThread' }] }], {
    esbuild: {
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outExtension: { '.js': '.mjs' },
      logLevel: 'error',
    },
    ...options.build,
  });
  const worker = new Worker(path.join(built.get('kinesis-thread')!.dir, 'kinesisThread.mjs'), {
    workerData: { port: options.port, dataDir: options.dataDir } satisfies KinesisThreadOptions,
  });
  let stopped: () => void = () => undefined;
  const ready = new Promise<{ endpoint: string; writeEndpoint: string }>((resolve, reject) => {
    worker.on('message', (message: KinesisThreadMessage) => {
      if ('write' in message) options.onWrite?.(message.write ?? undefined);
      else if ('ready' in message) resolve(message.ready);
      else if ('failed' in message) reject(new EmulatorStartError('kinesalite', message.failed));
      else stopped();
    });
    worker.once('error', (error) => reject(new EmulatorStartError('kinesalite', error.message, { cause: error })));
    worker.once('exit', (code) => reject(new EmulatorStartError('kinesalite', `its thread exited with code ${code}`)));
  });
  const endpoints = await ready.catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  return {
    ...endpoints,
    stop: async () => {
      const done = new Promise<void>((resolve) => (stopped = resolve));
      worker.postMessage({ stop: true });
      await Promise.race([done, new Promise((resolve) => worker.once('exit', resolve))]);
      await worker.terminate();
    },
  };
}
