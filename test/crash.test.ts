import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localDynamoDbClient } from '../local-cloud/src/clients.js';
import { startLocalCloud, type LocalCloud } from '../local-cloud/src/startLocalCloud.js';
import { repositoryRoot } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';
import { computeOracle, type AcceptedEvent, type OracleCounts } from './support/workload/computeOracle.js';
import { generateWorkload } from './support/workload/generateWorkload.js';
import { postWorkload } from './support/workload/postWorkload.js';

/*
 * The oracle workload while the stream consumers crash: enrich and aggregate instances are killed in
 * the middle of batches, again and again, and once the whole local cloud is stopped and started on
 * the same data. Every window must still match the oracle exactly.
 */
const SESSION_TIMEOUT_MINUTES = 0.05;
const PARAMS = { enrich: { bidsSessionTimeoutMinutes: String(SESSION_TIMEOUT_MINUTES), clicksSessionTimeoutMinutes: String(SESSION_TIMEOUT_MINUTES) } };
const CONSUMERS = ['sdp-enrich-local-joinEvents', 'sdp-aggregate-local-aggregateWindows'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills the consumers' instances while they are inside a batch, `times` times, a second or so apart. */
async function crashConsumersMidBatch(cloud: LocalCloud, times: number, kills: string[]): Promise<void> {
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

async function storedWindows(endpoint: string): Promise<Record<string, Record<string, OracleCounts>>> {
  const windows: Record<string, Record<string, OracleCounts>> = {};
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await localDynamoDbClient(endpoint).send(new ScanCommand({ TableName: 'sdp-aggregate-local-aggregations', ConsistentRead: true, ExclusiveStartKey }));
    for (const item of page.Items ?? []) {
      (windows[item.campaign_item_id!.N!] ??= {})[item.window_start!.S!] = {
        bids: Number(item.bids?.N ?? 0),
        impressions: Number(item.impressions?.N ?? 0),
        clicks: Number(item.clicks?.N ?? 0),
        spend: Number(item.spend?.N ?? 0),
      };
    }
    ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
  } while (ExclusiveStartKey);
  return windows;
}

describe('the streaming core while its consumers crash', () => {
  let dataDir: string;
  let cloud: LocalCloud | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-crash-'));
  });

  afterAll(async () => {
    await cloud?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('counts exactly as the oracle after mid-batch kills and a restart of the whole local cloud', async () => {
    // Prepare
    const batches = generateWorkload({
      seed: 4242,
      events: 50_000,
      campaigns: 32,
      duplicateRate: 0.05,
      disorderRate: 0.1,
      lateRate: 0.05,
      orphanImpressionRate: 0.02,
      orphanClickRate: 0.01,
    });
    const half = Math.floor(batches.length / 2);
    const accepted: AcceptedEvent[] = [];
    const kills: string[] = [];

    // Act
    cloud = await startLocalCloud({ root: repositoryRoot, dataDir, paramOverrides: PARAMS });
    const firstCloud = cloud;
    await Promise.all([
      postWorkload(firstCloud.url, batches.slice(0, half)).then((items) => accepted.push(...items)),
      crashConsumersMidBatch(firstCloud, 6, kills),
    ]);
    await firstCloud.stop();
    cloud = await startLocalCloud({ root: repositoryRoot, dataDir, paramOverrides: PARAMS });
    const secondCloud = cloud;
    await Promise.all([
      postWorkload(secondCloud.url, batches.slice(half)).then((items) => accepted.push(...items)),
      crashConsumersMidBatch(secondCloud, 6, kills),
    ]);
    await waitForIdlePipeline(secondCloud);

    // Assess
    const oracle = computeOracle(accepted, { bidsTimeoutMs: SESSION_TIMEOUT_MINUTES * 60_000, clicksTimeoutMs: SESSION_TIMEOUT_MINUTES * 60_000, periodMs: 60_000 });
    const expected = Object.fromEntries([...oracle.windows].map(([campaign, windows]) => [String(campaign), Object.fromEntries(windows)]));
    expect(kills.length).toBeGreaterThanOrEqual(6);
    expect(secondCloud.mappings.map(({ mapping }) => mapping.stats().sentToOnFailure)).toStrictEqual(secondCloud.mappings.map(() => 0));
    expect(await storedWindows(secondCloud.dynamoDbEndpoint)).toStrictEqual(expected);
  }, 600_000);
});
