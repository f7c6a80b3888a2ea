import path from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '@sdp/local-cloud';
import { platformHooks } from './platformHooks.js';

/** Where serverless-compose.yml is. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../../..');

/** The platform on the local cloud, with the key that every API wants. */
export interface PlatformCloud extends LocalCloud {
  /** A key with every scope (also in `<dataDir>/api-key`) */
  apiKey: string;
  /** The read-only key of the dashboard link (also in `<dataDir>/dashboard-api-key`) */
  dashboardApiKey: string;
}

/**
 * The whole platform on this machine: the local cloud on this repository's serverless-compose.yml
 * with the {@link platformHooks} (keys, error bodies, the model runtime). What `npm start`, the tests
 * and the benchmarks run.
 *
 * @example
 * const cloud = await startPlatformCloud({ dataDir: '.data/local', port: 3000 });
 * await fetch(`${cloud.url}/reports/campaigns`, { headers: { 'x-api-key': cloud.apiKey } });
 */
export async function startPlatformCloud(
  options: Omit<LocalCloudOptions, 'root' | 'hooks'> & { root?: string },
): Promise<PlatformCloud> {
  const cloud = await startLocalCloud({ root: repositoryRoot, ...options, hooks: platformHooks });
  const { apiKey, dashboardApiKey } = cloud.extras;
  if (!apiKey || !dashboardApiKey) {
    await cloud.stop();
    throw new Error(
      'The platform started without its local API keys: is the access service in serverless-compose.yml?',
    );
  }
  return Object.assign(cloud, { apiKey, dashboardApiKey });
}
