import { startPlatformCloud } from '../../tools/local/src/startPlatformCloud.ts';
import { reportStartFailure, serveUntilStopped } from '../lib/serveUntilStopped.ts';

/**
 * Runs the whole local cloud (kinesalite, DynamoDB Local, every function, the gateway) in this
 * process for bench/ingest.ts, which drives load from another process. Usage (over IPC only):
 * `localCloudHost.ts <dataDir> [--keep-consumers] [--max-instances <n>]`.
 *
 * Stream consumers (enrich reads the raw events stream) are stopped once the cloud is up unless
 * `--keep-consumers` is given: the benchmark measures the ingest path, and a consumer catching up on
 * the backlog of one run would steal CPU from the next run on a 2-core machine.
 */
export interface LocalCloudHostReady {
  url: string;
  /** The local API key every request carries */
  apiKey: string;
  kinesisEndpoint: string;
  dynamoDbEndpoint: string;
  sageMakerEndpoint: string;
  objectStoreDir: string;
  rawEventsStreamName: string;
  startupMs: number;
  consumersStopped: string[];
  /** Instances per function at most (the local cloud's default when undefined) */
  maxInstances?: number;
}

export interface LocalCloudHostReport {
  gateway: { requests: number; byStatus: Record<string, number> };
  invocations: Record<string, { invocations: number; errors: number }>;
}

const [dataDir, ...flags] = process.argv.slice(2);
const maxInstancesFlag = flags.indexOf('--max-instances');
const maxInstances = maxInstancesFlag >= 0 ? Number(flags[maxInstancesFlag + 1]) : undefined;

try {
  if (!dataDir) throw new Error('usage: localCloudHost.ts <dataDir> [--keep-consumers] [--max-instances <n>]');
  const startedAt = performance.now();
  const cloud = await startPlatformCloud({ dataDir, port: 0, ...(maxInstances ? { maxInstances } : {}) });
  const consumersStopped: string[] = [];
  if (!flags.includes('--keep-consumers')) {
    for (const { functionName, mapping } of cloud.mappings) {
      await mapping.stop();
      consumersStopped.push(functionName);
    }
  }
  const rawEventsStreamName = cloud.project.outputs.get('ingest')?.RawEventsStreamName ?? 'sdp-ingest-local-raw-events';
  const ready: LocalCloudHostReady = {
    url: cloud.url,
    apiKey: cloud.apiKey,
    kinesisEndpoint: cloud.kinesisEndpoint,
    dynamoDbEndpoint: cloud.dynamoDbEndpoint,
    sageMakerEndpoint: cloud.sageMakerEndpoint,
    objectStoreDir: cloud.objectStoreDir,
    rawEventsStreamName,
    startupMs: Math.round(performance.now() - startedAt),
    consumersStopped,
    ...(maxInstances ? { maxInstances } : {}),
  };
  process.send!({ ready });

  serveUntilStopped(
    async () => {
      const invocations = Object.fromEntries(
        [...cloud.pools].map(([name, pool]) => [name, { invocations: pool.invocations, errors: pool.errors }]),
      );
      const report: LocalCloudHostReport = { gateway: cloud.gateway.stats, invocations };
      if (process.connected) process.send!({ report });
      await cloud.stop();
    },
    () => cloud.waitForIdle(),
  );
} catch (error) {
  reportStartFailure(error);
}
