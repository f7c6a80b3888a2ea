import { startSageMakerLocal } from '../../local-cloud/src/emulators/startSageMakerLocal.ts';
import { freePort } from '../../local-cloud/src/net/freePort.ts';

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
  const emulator = await startSageMakerLocal({ port: await freePort(), dataDir, objectStoreDir });
  const ready: SageMakerHostReady = { endpoint: emulator.endpoint };
  process.send!({ ready });
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await emulator.stop();
    if (process.connected) process.disconnect();
  };
  process.on('message', (message: { stop?: boolean }) => void (message.stop && shutdown()));
  // The benchmark died: do not outlive it.
  process.on('disconnect', () => void shutdown());
} catch (error) {
  process.send!({ failed: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect();
}
