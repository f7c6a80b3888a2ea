import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import kinesalite from 'kinesalite';
import { EmulatorStartError } from '../errors.js';
import type { Emulator, EmulatorOptions } from './types.js';

/**
 * Starts kinesalite in this process on 127.0.0.1, keeping streams and records under `dataDir`.
 *
 * Stream operations complete at once (no CREATING state) so a local deploy does not wait.
 *
 * @example
 * ```ts
 * const kinesis = await startKinesalite({ port: await freePort(), dataDir: '.data/kinesis' });
 * const client = localKinesisClient(kinesis.endpoint);
 * await kinesis.stop();
 * ```
 */
export const startKinesalite = async ({ port, dataDir }: EmulatorOptions): Promise<Emulator> => {
  await mkdir(dataDir, { recursive: true });
  const server = kinesalite({ path: dataDir, createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });
  await listen(server, port);
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

const listen = (server: Server, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(new EmulatorStartError('kinesalite', error.message, { cause: error }));
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
