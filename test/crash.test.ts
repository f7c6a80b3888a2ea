import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { startPlatformCloud, type PlatformCloud } from '../tools/local/src/startPlatformCloud.js';
import { testDataRoot } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';
import { computeOracle, type AcceptedEvent } from './support/workload/computeOracle.js';
import { generateWorkload } from './support/workload/generateWorkload.js';
import { ORACLE_SETTINGS, oracleWorkload, SHORT_SESSION_PARAMS } from './support/workload/oracleScenario.js';
import { postWorkload } from './support/workload/postWorkload.js';
import { oracleWindows, readStoredWindows } from './support/workload/readStoredWindows.js';

/*
 * The oracle workload while the stream consumers crash: enrich and aggregate instances are killed in
 * the middle of batches, again and again, and once the whole local cloud is stopped and started on
 * the same data. Every window must still match the oracle exactly.
 */
const CONSUMERS = ['sdp-enrich-local-joinEvents', 'sdp-aggregate-local-aggregateWindows'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills the consumers' instances while they are inside a batch, `times` times, a second or so apart. */
async function crashConsumersMidBatch(cloud: PlatformCloud, times: number, kills: string[]): Promise<void> {
  for (let i = 0; i < times; i++) {
    await sleep(700 + Math.random() * 800);
    const name = CONSUMERS[i % CONSUMERS.length]!;
    const pool = cloud.pools.get(name)!;
    const deadline = Date.now() + 5_000;
    while (pool.busy === 0 && Date.now() < deadline) await sleep(5);
    if (pool.busy === 0) continue;
    await sleep(Math.random() * 40);
    await pool.kill();
    kills.push(name);
  }
}

describe('the streaming core while its consumers crash', () => {
  let dataDir: string;
  let cloud: PlatformCloud | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(testDataRoot(), 'sdp-crash-'));
  });

  afterAll(async () => {
    await cloud?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('counts exactly as the oracle after mid-batch kills and a restart of the whole local cloud', async () => {
    // Prepare
    const batches = generateWorkload(oracleWorkload(4242));
    const half = Math.floor(batches.length / 2);
    const accepted: AcceptedEvent[] = [];
    const kills: string[] = [];

    // Act
    cloud = await startPlatformCloud({ dataDir, paramOverrides: SHORT_SESSION_PARAMS });
    const firstCloud = cloud;
    await Promise.all([
      postWorkload(firstCloud, batches.slice(0, half)).then((items) => accepted.push(...items)),
      crashConsumersMidBatch(firstCloud, 6, kills),
    ]);
    await firstCloud.stop();
    cloud = await startPlatformCloud({ dataDir, paramOverrides: SHORT_SESSION_PARAMS });
    const secondCloud = cloud;
    await Promise.all([
      postWorkload(secondCloud, batches.slice(half)).then((items) => accepted.push(...items)),
      crashConsumersMidBatch(secondCloud, 6, kills),
    ]);
    await waitForIdlePipeline(secondCloud);

    // Assess
    const oracle = computeOracle(accepted, ORACLE_SETTINGS);
    expect(kills.length).toBeGreaterThanOrEqual(6);
    expect(secondCloud.mappings.map(({ mapping }) => mapping.stats().sentToOnFailure)).toStrictEqual(
      secondCloud.mappings.map(() => 0),
    );
    expect(await readStoredWindows(secondCloud.dynamoDbEndpoint)).toStrictEqual(oracleWindows(oracle));
  }, 600_000);
});
