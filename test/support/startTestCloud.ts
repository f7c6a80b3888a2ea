import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { API_KEY_HEADER } from '@sdp/shared';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud/src/startLocalCloud.js';

export const repositoryRoot = path.resolve(__dirname, '../..');

/** How long a suite's hook may take to start its cloud: a few seconds alone, minutes beside other suites on 2 cores. */
export const CLOUD_START_TIMEOUT_MS = 300_000;

export interface TestCloud extends LocalCloud {
  apiKey: string;
  dataDir: string;
  /** `fetch` of a path on the gateway (`/reports/campaigns?limit=5`) with the local API key */
  fetch(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

/** The local cloud on free loopback ports with a throw-away data directory, and a way to stop both. */
export async function startTestCloud(
  paramOverrides?: Record<string, Record<string, string>>,
  options: Pick<LocalCloudOptions, 'kinesisFaults'> = {},
): Promise<TestCloud> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-test-'));
  const cloud = await startLocalCloud({ root: repositoryRoot, dataDir, port: 0, ...options, ...(paramOverrides ? { paramOverrides } : {}) });
  const apiKey = cloud.apiKey!;
  return {
    ...cloud,
    apiKey,
    dataDir,
    fetch: (pathAndQuery, init = {}) =>
      fetch(cloud.url + pathAndQuery, { ...init, headers: { [API_KEY_HEADER]: apiKey, ...(init.headers as Record<string, string> | undefined) } }),
    async dispose() {
      await cloud.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
