import { freePort, startSageMakerLocal } from '@sdp/local-cloud';
import { linearModelRuntime } from '../../tools/local/src/linearModelRuntime.ts';
import { reportStartFailure, serveUntilStopped } from '../lib/serveUntilStopped.ts';

/**
 * Runs the local SageMaker in its own process for bench/sageMaker.ts, which drives it from another.
 * Usage (over IPC only): `sageMakerHost.ts <dataDir> <objectStoreDir>`.
 */
export interface SageMakerHostReady {
  endpoint: string;
}

const [dataDir, objectStoreDir] = process.argv.slice(2);
try {
  if (!dataDir || !objectStoreDir) throw new Error('usage: sageMakerHost.ts <dataDir> <objectStoreDir>');
  const emulator = await startSageMakerLocal({
    port: await freePort(),
    dataDir,
    objectStoreDir,
    modelRuntimes: { '*': linearModelRuntime },
  });
  const ready: SageMakerHostReady = { endpoint: emulator.endpoint };
  process.send!({ ready });
  serveUntilStopped(() => emulator.stop());
} catch (error) {
  reportStartFailure(error);
}
