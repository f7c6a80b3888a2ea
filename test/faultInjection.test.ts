import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort, startDynamoDbLocal, type Emulator } from '@sdp/local-cloud';
import { startPlatformCloud, type PlatformCloud } from '../tools/local/src/startPlatformCloud.js';
import { testDataRoot } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';
import { computeOracle, type AcceptedEvent } from './support/workload/computeOracle.js';
import { generateWorkload, type WorkloadEvent } from './support/workload/generateWorkload.js';
import { ORACLE_SETTINGS, oracleWorkload, SHORT_SESSION_PARAMS } from './support/workload/oracleScenario.js';
import { oracleWindows, readStoredWindows } from './support/workload/readStoredWindows.js';

/*
 * Under load, the platform's processes die the hard way, again and again: instances of the stream
 * consumers (enrich, aggregate, the lake's raw writer), each holding its Kinesis and DynamoDB
 * clients, are stopped dead in the middle of batches (their worker thread is terminated, as a
 * crashed Lambda sandbox), and DynamoDB Local (join state, counts,
 * failed events, API keys) hangs, dies and is started again on the same data. Clients retry what
 * they are told to retry. At the end every window must equal the oracle's and the reconciliation
 * must balance: nothing lost, nothing counted twice.
 *
 * DynamoDB Local is frozen (SIGSTOP: requests hang mid-flight) and then terminated (SIGTERM), not
 * SIGKILLed: unlike DynamoDB, DynamoDB Local can lose a write it has already acknowledged when it is
 * SIGKILLed (a probe of 8 writers' transactions lost one acknowledged transaction in 2 of 7 runs of
 * six SIGKILLs, and none in 4 runs of six SIGTERMs), which no consumer can be expected to survive.
 * See docs/architecture.md, "Local mode versus AWS".
 */
const CONSUMERS = [
  'sdp-enrich-local-joinEvents',
  'sdp-aggregate-local-aggregateWindows',
  'sdp-lake-local-landRawEvents',
];
const EVENTS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function exitOf(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
}

/** Posts the batches as a well-behaved client: a 503 or 429 is retried after its Retry-After. */
async function postWithRetries(
  cloud: PlatformCloud,
  batches: readonly WorkloadEvent[][],
  accepted: AcceptedEvent[],
  refusals: number[],
): Promise<void> {
  for (let start = 0; start < batches.length; start += 4) {
    await Promise.all(
      batches.slice(start, start + 4).map(async (events) => {
        for (;;) {
          const response = await fetch(`${cloud.url}/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': cloud.apiKey },
            body: JSON.stringify({ events }),
          });
          const body = (await response.json()) as {
            results?: { status: string; received_at: string; sequence_number: string }[];
          };
          if (response.status === 503 || response.status === 429) {
            refusals.push(response.status);
            await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
            continue;
          }
          if (response.status !== 200 || !body.results)
            throw new Error(`POST /events answered ${response.status}: ${JSON.stringify(body)}`);
          const retry: WorkloadEvent[] = [];
          body.results.forEach((result, i) => {
            if (result.status === 'accepted')
              accepted.push({
                event: events[i]!,
                receivedAt: result.received_at,
                sequenceNumber: result.sequence_number,
              });
            else retry.push(events[i]!);
          });
          if (retry.length === 0) return;
          events = retry;
        }
      }),
    );
  }
}

describe('the pipeline under load while processes are killed', () => {
  let dataDir: string;
  let cloud: PlatformCloud | undefined;
  const restarted: Emulator[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(testDataRoot(), 'sdp-faults-'));
  });

  afterAll(async () => {
    await cloud?.stop();
    for (const emulator of restarted) await emulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('loses nothing and counts nothing twice, against the oracle and by reconciliation', async () => {
    // Prepare
    const dynamoDbPort = await freePort();
    cloud = await startPlatformCloud({
      dataDir,
      dynamoDbPort,
      paramOverrides: SHORT_SESSION_PARAMS,
    });
    const running = cloud;
    const batches = generateWorkload({ ...oracleWorkload(9090), events: EVENTS });
    const accepted: AcceptedEvent[] = [];
    const refusals: number[] = [];
    const faults: string[] = [];
    let posting = true;

    const killConsumers = async () => {
      for (let i = 0; posting; i++) {
        await sleep(600 + Math.random() * 900);
        const name = CONSUMERS[i % CONSUMERS.length]!;
        const pool = running.pools.get(name)!;
        const deadline = Date.now() + 3_000;
        while (pool.busy === 0 && Date.now() < deadline) await sleep(5);
        if (pool.busy === 0) continue;
        await sleep(Math.random() * 40);
        await pool.kill();
        faults.push(`killed ${name}`);
      }
    };
    const crashDynamoDb = async () => {
      let pid = running.dynamoDbPid!;
      for (let i = 0; i < 2; i++) {
        await sleep(4_000 + Math.random() * 2_000);
        process.kill(pid, 'SIGSTOP');
        await sleep(2_000);
        process.kill(pid, 'SIGTERM');
        process.kill(pid, 'SIGCONT');
        await exitOf(pid);
        faults.push('crashed DynamoDB Local');
        await sleep(1_500);
        const again = await startDynamoDbLocal({ port: dynamoDbPort, dataDir: path.join(dataDir, 'dynamodb') });
        restarted.push(again);
        pid = again.pid!;
      }
    };

    // Act
    await Promise.all([
      postWithRetries(running, batches, accepted, refusals).finally(() => (posting = false)),
      killConsumers(),
      crashDynamoDb(),
    ]);
    await waitForIdlePipeline(running, { timeoutMs: 300_000 });
    const reconciliation = (await (
      await fetch(
        `${running.url}/reconciliation?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
        {
          headers: { 'x-api-key': running.apiKey },
        },
      )
    ).json()) as {
      balanced: boolean;
      totals: { accepted: number; consumers: Record<string, { processed: number; failed: number; in_flight: number }> };
    };
    const failed = (await (
      await fetch(`${running.url}/reports/failed-events`, { headers: { 'x-api-key': running.apiKey } })
    ).json()) as { failed: number };

    // Assess
    const oracle = computeOracle(accepted, ORACLE_SETTINGS);
    expect(faults.filter((fault) => fault.startsWith('killed')).length).toBeGreaterThanOrEqual(3);
    expect(faults.filter((fault) => fault.startsWith('crashed')).length).toBe(2);
    // The retrain trigger counts new bids with 2 retries on purpose (a lost batch only delays the
    // next training to the hourly schedule); every consumer of the data keeps its batches.
    const dataConsumers = running.mappings.filter(
      ({ functionName }) => functionName !== 'sdp-retrain-local-retrainModel',
    );
    expect(
      dataConsumers.map(({ functionName, mapping }) => [functionName, mapping.stats().sentToOnFailure]),
    ).toStrictEqual(dataConsumers.map(({ functionName }) => [functionName, 0]));
    expect(failed.failed).toBe(0);
    expect(await readStoredWindows(running.dynamoDbEndpoint)).toStrictEqual(oracleWindows(oracle));
    expect(reconciliation.totals.accepted).toBe(accepted.length);
    for (const name of ['sdp-enrich-local-joinEvents', 'sdp-lake-local-landRawEvents']) {
      expect({ name, ...reconciliation.totals.consumers[name] }).toMatchObject({
        name,
        processed: accepted.length,
        failed: 0,
        in_flight: 0,
      });
    }
    expect(reconciliation.balanced).toBe(true);
  }, 900_000);
});
