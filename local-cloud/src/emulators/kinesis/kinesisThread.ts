/**
 * The local Kinesis in a thread of its own: kinesalite, and the group-commit front the functions
 * write through. Started by {@link startKinesisEmulator} (bundled with esbuild, since a worker thread
 * runs JavaScript only), it tells its parent where it listens, and which stream took records each
 * time one did, over the thread's message port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startKinesalite } from '../startKinesalite.js';
import { startKinesisGroupCommit } from './startKinesisGroupCommit.js';
import type { KinesisThreadMessage, KinesisThreadOptions } from './types.js';

const post = (message: KinesisThreadMessage): void => parentPort!.postMessage(message);
const { port, dataDir } = workerData as KinesisThreadOptions;

try {
  const kinesalite = await startKinesalite({ port, dataDir, onWrite: (stream) => post({ write: stream ?? null }) });
  const groupCommit = await startKinesisGroupCommit(kinesalite.endpoint);
  parentPort!.on('message', (message: { stop?: boolean }) => {
    if (!message.stop) return;
    void (async () => {
      await groupCommit.stop();
      await kinesalite.stop();
      post({ stopped: true });
    })();
  });
  post({ ready: { endpoint: kinesalite.endpoint, writeEndpoint: groupCommit.endpoint } });
} catch (error) {
  post({ failed: error instanceof Error ? error.message : String(error) });
}
