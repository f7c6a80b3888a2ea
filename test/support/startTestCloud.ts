import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../local-cloud/src/startLocalCloud.js';

export const repositoryRoot = path.resolve(__dirname, '../..');

/** The local cloud on free loopback ports with a throw-away data directory, and a way to stop both. */
export async function startTestCloud(
  paramOverrides?: Record<string, Record<string, string>>,
): Promise<LocalCloud & { dataDir: string; dispose(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-test-'));
  const cloud = await startLocalCloud({ root: repositoryRoot, dataDir, port: 0, ...(paramOverrides ? { paramOverrides } : {}) });
  return {
    ...cloud,
    dataDir,
    async dispose() {
      await cloud.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
