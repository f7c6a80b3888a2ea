import type { ChildProcess } from 'node:child_process';
import { stopSharedCloud } from './sharedCloudProcess.ts';

/** Jest's global teardown of the integration tests: stops the shared cloud. */
export default async function globalTeardown(): Promise<void> {
  const shared = (globalThis as { sdpSharedCloud?: { child: ChildProcess; runDir: string } }).sdpSharedCloud;
  if (shared) await stopSharedCloud(shared);
}
