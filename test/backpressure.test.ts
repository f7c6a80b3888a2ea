import { DeleteStreamCommand } from '@aws-sdk/client-kinesis';
import { localKinesisClient } from '@sdp/local-cloud';
import { readWholeStream } from './support/readWholeStream.js';
import { startTestCloud, type OwnTestCloud, CLOUD_START_TIMEOUT_MS } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';
import { computeOracle, type AcceptedEvent } from './support/workload/computeOracle.js';
import { generateWorkload } from './support/workload/generateWorkload.js';
import { ORACLE_SETTINGS, oracleWorkload, SHORT_SESSION_PARAMS } from './support/workload/oracleScenario.js';
import { postWorkload } from './support/workload/postWorkload.js';
import { oracleWindows, readStoredWindows } from './support/workload/readStoredWindows.js';

/*
 * A load run during which the stream refuses writes twice: first as a throttled stream
 * (ProvisionedThroughputExceeded), then as an unavailable one (503). Ingest must push back with
 * 429/503 and Retry-After, accept nothing it did not write, and resume on its own. Then a minute
 * of a throttled enriched stream under load: nothing set aside, every window the oracle's. Then the
 * stream is deleted, which no suite on the shared cloud may do, and ingest must refuse what it
 * cannot write.
 */
const RAW_EVENTS_STREAM = 'sdp-ingest-local-raw-events';
const ENRICHED_EVENTS_STREAM = 'sdp-enrich-local-enriched-events';
const ENRICHED_THROTTLE_MS = 60_000;
const LOAD_MS = 14_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The seed platform's click (test/ingest.test.ts), verbatim. */
const seedClick = '{"tx_id":"44db4cf3-c372-4f7c-8443-9d2a1e725473"}';

interface Answer {
  at: number;
  route: string;
  status: number;
  retryAfter: string | null;
  codes: string[];
  acceptedTxIds: string[];
  refusedTxIds: string[];
}

describe('ingest under load while the stream refuses writes', () => {
  let cloud: OwnTestCloud;

  const post = async (
    path: string,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => {
    const response = await cloud.fetch(path, { method: 'POST', headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  };

  beforeAll(async () => {
    cloud = await startTestCloud(SHORT_SESSION_PARAMS, { kinesisFaults: true });
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('answers 429 while throttled and 503 while unavailable, stores exactly what it accepted, and resumes by itself', async () => {
    // Prepare
    // Instances start on first use: start those the load needs, so that its first seconds measure ingest, not cold starts.
    await Promise.all([
      cloud.pools.get('sdp-ingest-local-putEvent')!.warm(6),
      cloud.pools.get('sdp-ingest-local-putEvents')!.warm(2),
    ]);
    const answers: Answer[] = [];
    const started = Date.now();
    let sequence = 0;
    const bid = (txId: string) => ({ tx_id: txId, app_uid: 'u', campaign_item_id: 7, domain: 'example.com' });
    const postSingle = async () => {
      const txId = `single-${sequence++}`;
      const response = await cloud.fetch('/bid', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(bid(txId)),
      });
      const body = (await response.json()) as { code?: string };
      const ok = response.status === 202;
      answers.push({
        at: Date.now() - started,
        route: 'bid',
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        codes: body.code ? [body.code] : [],
        acceptedTxIds: ok ? [txId] : [],
        refusedTxIds: ok ? [] : [txId],
      });
    };
    const postBatch = async () => {
      const txIds = Array.from({ length: 50 }, () => `batch-${sequence++}`);
      const response = await cloud.fetch('/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: txIds.map((txId) => ({ type: 'bid', ...bid(txId) })) }),
      });
      const text = await response.text();
      const { results } = JSON.parse(text) as { results?: { status: string; error?: { code: string } }[] };
      if (!results) throw new Error(`POST /events answered ${response.status} without results: ${text}`);
      answers.push({
        at: Date.now() - started,
        route: 'events',
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        codes: [...new Set(results.flatMap((r) => (r.error ? [r.error.code] : [])))],
        acceptedTxIds: txIds.filter((_, i) => results[i]!.status === 'accepted'),
        refusedTxIds: txIds.filter((_, i) => results[i]!.status !== 'accepted'),
      });
    };
    const client = async (post: () => Promise<void>) => {
      while (Date.now() - started < LOAD_MS) await post();
    };
    const faults = async () => {
      await sleep(3_000);
      cloud.kinesisFaults!.refuseWrites('throttle', 3_000);
      await sleep(5_000);
      cloud.kinesisFaults!.refuseWrites('unavailable', 2_500);
    };

    // Act
    await Promise.all([
      ...Array.from({ length: 6 }, () => client(postSingle)),
      ...Array.from({ length: 2 }, () => client(postBatch)),
      faults(),
    ]);
    const inStream = (await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), RAW_EVENTS_STREAM)).map(
      (r) => (r.data as { data: { tx_id: string } }).data.tx_id,
    );

    // Assess
    const statuses = (route: string, from: number, to: number) =>
      new Set(answers.filter((a) => a.route === route && a.at >= from && a.at < to).map((a) => a.status));
    const refusals = answers.filter((a) => a.status !== 202 && a.status !== 200);
    expect(cloud.kinesisFaults!.refused.throttle).toBeGreaterThan(0);
    expect(cloud.kinesisFaults!.refused.unavailable).toBeGreaterThan(0);
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect({ status: refusal.status, retryAfter: refusal.retryAfter, codes: refusal.codes }).toStrictEqual(
        refusal.status === 429
          ? { status: 429, retryAfter: '1', codes: ['stream_throttled'] }
          : { status: 503, retryAfter: '1', codes: ['stream_unavailable'] },
      );
    }
    expect(refusals.some((a) => a.status === 429)).toBe(true);
    expect(refusals.some((a) => a.status === 503)).toBe(true);
    expect(statuses('bid', 0, 2_500)).toStrictEqual(new Set([202]));
    expect(statuses('bid', 12_500, LOAD_MS + 5_000)).toStrictEqual(new Set([202]));
    const accepted = answers.flatMap((a) => a.acceptedTxIds);
    expect(inStream.length).toBe(new Set(inStream).size);
    expect(new Set(inStream)).toStrictEqual(new Set(accepted));
    expect(answers.flatMap((a) => a.refusedTxIds).filter((txId) => inStream.includes(txId))).toStrictEqual([]);
  }, 120_000);

  it('sets nothing aside while the enriched stream throttles for a minute under load, and counts every window as the oracle', async () => {
    // Prepare: 6,000 events in batches of 500, one batch every 5 s while enrich's writes are throttled
    const batches = generateWorkload({ ...oracleWorkload(6060), events: 6_000 });
    const accepted: AcceptedEvent[] = [];
    const refusedBefore = cloud.kinesisFaults!.refused.throttle;
    const started = Date.now();

    // Act
    cloud.kinesisFaults!.refuseWrites('throttle', ENRICHED_THROTTLE_MS, ENRICHED_EVENTS_STREAM);
    for (const [i, batch] of batches.entries()) {
      await sleep(Math.max(0, started + i * 5_000 - Date.now()));
      accepted.push(...(await postWorkload(cloud, [batch])));
    }
    await sleep(Math.max(0, started + ENRICHED_THROTTLE_MS - Date.now()));
    await waitForIdlePipeline(cloud, { timeoutMs: 240_000 });
    const stored = await readStoredWindows(cloud.dynamoDbEndpoint);
    const failed = (await (await cloud.fetch('/reports/failed-events')).json()) as { failed: number; retrying: number };

    // Assess
    const expected = oracleWindows(computeOracle(accepted, ORACLE_SETTINGS));
    expect(cloud.kinesisFaults!.refused.throttle - refusedBefore).toBeGreaterThan(20);
    expect(accepted).toHaveLength(batches.flat().length);
    expect(Object.fromEntries(Object.keys(expected).map((campaign) => [campaign, stored[campaign]]))).toStrictEqual(
      expected,
    );
    expect(failed).toMatchObject({ failed: 0, retrying: 0 });
  }, 420_000);

  // Last: it deletes the raw events stream.
  it('answers 503 with Retry-After and accepts nothing when the stream refuses writes', async () => {
    // Prepare
    await localKinesisClient(cloud.kinesisEndpoint).send(new DeleteStreamCommand({ StreamName: RAW_EVENTS_STREAM }));

    // Act
    const single = await post('/click', seedClick);
    const batch = await post('/events', JSON.stringify({ events: [{ type: 'click', tx_id: 'a' }, { type: 'oops' }] }));

    // Assess
    expect([single.status, single.headers.get('retry-after'), single.body!.code]).toStrictEqual([
      503,
      '1',
      'stream_unavailable',
    ]);
    expect(batch.status).toBe(503);
    expect(batch.headers.get('retry-after')).toBe('1');
    expect(batch.body).toMatchObject({
      accepted: 0,
      rejected: 2,
      results: [
        { index: 0, status: 'rejected', error: { code: 'stream_unavailable' } },
        { index: 1, status: 'rejected', error: { code: 'validation_failed' } },
      ],
    });
  });
});
