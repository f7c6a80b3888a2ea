import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DESCRIPTION_FILE, RUN_DIR_VARIABLE, type SharedCloudFile } from './sharedCloudProcess.js';
import { CLOUD_START_TIMEOUT_MS, gatewayFetch, lambdaInvoke, type TestCloud } from './testCloud.js';

export { SHARED_CLOUD_PARAMS } from './sharedCloudProcess.js';

/**
 * The cloud every suite of the run shares (started by Jest's global setup, with
 * {@link SHARED_CLOUD_PARAMS}). A suite that uses it keeps to its own ids (campaigns, transactions,
 * users, products, keys: see test/support/namespaces.ts) so that suites cannot see each other's data;
 * `dispose()` leaves it running for the others.
 */
export async function sharedTestCloud(): Promise<TestCloud> {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (!runDir)
    throw new Error(
      `No shared cloud: ${RUN_DIR_VARIABLE} is not set. Run the suite through Jest, whose global setup starts it.`,
    );
  const deadline = Date.now() + CLOUD_START_TIMEOUT_MS;
  let content: SharedCloudFile | undefined;
  while (!content) {
    content = await readFile(path.join(runDir, DESCRIPTION_FILE), 'utf8').then(
      (text) => JSON.parse(text) as SharedCloudFile,
      () => undefined,
    );
    if (!content && Date.now() > deadline)
      throw new Error(`The shared cloud was not ready within ${CLOUD_START_TIMEOUT_MS} ms.`);
    if (!content) await sleep(100);
  }
  if ('failed' in content) throw new Error(`The shared cloud did not start: ${content.failed}`);
  const cloud = content.ready;
  const apiKey = cloud.extras.apiKey!;
  return {
    url: cloud.url,
    apiKey,
    dataDir: cloud.dataDir,
    kinesisEndpoint: cloud.kinesisEndpoint,
    dynamoDbEndpoint: cloud.dynamoDbEndpoint,
    sageMakerEndpoint: cloud.sageMakerEndpoint,
    lambdaEndpoint: cloud.lambdaEndpoint,
    objectStoreDir: cloud.objectStoreDir,
    destinationsDir: cloud.destinationsDir,
    fetch: gatewayFetch(cloud.url, apiKey),
    invoke: lambdaInvoke(cloud.lambdaEndpoint),
    busyInstances: async (functionName) => {
      const usage = (await (await fetch(`${cloud.controlUrl}/usage`)).json()) as {
        functions: Record<string, { busy: number }>;
      };
      return usage.functions[functionName]!.busy;
    },
    waitForIdle: async ({ timeoutMs = 360_000 } = {}) => {
      const response = await fetch(`${cloud.controlUrl}/wait-for-idle?timeoutMs=${timeoutMs}`, {
        method: 'POST',
        signal: AbortSignal.timeout(timeoutMs + 30_000),
      });
      if (response.status !== 204)
        throw new Error(`The shared cloud's pipeline did not go idle: ${response.status} ${await response.text()}`);
    },
    dispose: () => Promise.resolve(),
  };
}
