import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LocalCloudOptions } from '@sdp/local-cloud';
import { startPlatformCloud, type PlatformCloud } from '../../tools/local/src/startPlatformCloud.js';
import { testDataRoot } from './sharedCloudProcess.js';
import { gatewayFetch, type TestCloud } from './testCloud.js';

export { CLOUD_START_TIMEOUT_MS, type TestCloud } from './testCloud.js';
export { testDataRoot } from './sharedCloudProcess.js';

export const repositoryRoot = path.resolve(__dirname, '../..');

/** A cloud of the suite's own, in the suite's process: its pools and mappings can be killed, stopped and counted. */
export type OwnTestCloud = TestCloud & PlatformCloud;

/**
 * The local cloud on free loopback ports with a throw-away data directory, and a way to stop both,
 * for suites that kill, freeze or restart parts of it, need settings of their own, or read the
 * whole of a table or stream. Every other suite shares the run's cloud (sharedTestCloud).
 */
export async function startTestCloud(
  paramOverrides?: Record<string, Record<string, string>>,
  options: Pick<LocalCloudOptions, 'kinesisFaults' | 'meterRequests'> = {},
): Promise<OwnTestCloud> {
  const dataDir = await mkdtemp(path.join(testDataRoot(), 'sdp-test-'));
  // Nothing here outlives the suite, and no suite that uses this restarts DynamoDB Local (the crash and
  // fault tests start their clouds themselves, on disk): tables in memory cost less CPU per write.
  const cloud = await startPlatformCloud({
    dataDir,
    port: 0,
    dynamoDbInMemory: true,
    ...options,
    ...(paramOverrides ? { paramOverrides } : {}),
  });
  return Object.assign(cloud, {
    fetch: gatewayFetch(cloud.url, cloud.apiKey),
    invoke: (functionName: string, event: unknown) => cloud.pools.get(functionName)!.invoke(event),
    busyInstances: (functionName: string) => Promise.resolve(cloud.pools.get(functionName)!.busy),
    async dispose() {
      await cloud.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}
