import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PutRecordCommand } from '@aws-sdk/client-kinesis';
import { localKinesisClient } from '@sdp/local-cloud';
import { repositoryRoot, startTestCloud, type OwnTestCloud, type TestCloud } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';

const RAW_EVENTS_STREAM = 'sdp-ingest-local-raw-events';
const CAMPAIGN = 424242;
const VALID_BIDS = 3_000;
const POISON_TX = 'poison-tx-0001';
const JOIN_EVENTS = 'sdp-enrich-local-joinEvents';
const LAND_RAW_EVENTS = 'sdp-lake-local-landRawEvents';
const PUT_EVENTS = 'sdp-ingest-local-putEvents';

/** A raw envelope as an older producer might write it: the campaign id as text, which no consumer accepts. */
const envelope = (campaignItemId: unknown) => ({
  schema_version: 1,
  event_id: '0b4e7a52-1c1e-4f55-9a41-7c2f5d8b9e10',
  type: 'bid',
  received_at: new Date().toISOString(),
  data: { tx_id: POISON_TX, app_uid: 'u-poison', campaign_item_id: campaignItemId, domain: 'example.com' },
});

interface FailedEventBody {
  failure_id: string;
  function_name: string;
  status: string;
  attempts: number;
  error_name: string;
  error_message: string;
  sequence_number: string;
}

/** `npm run failed -- <args>` against the test cloud. */
async function failedCli(cloud: TestCloud, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.join(repositoryRoot, 'node_modules/.bin/tsx'),
    ['services/ops/scripts/failed.ts', ...args, '--data-dir', cloud.dataDir],
    {
      cwd: repositoryRoot,
    },
  );
  return stdout;
}

describe('a poison record among thousands', () => {
  let cloud: OwnTestCloud;
  let poisonSequence: string;
  let poisonShard: string;

  const json = async <T>(route: string, init?: RequestInit): Promise<T> =>
    (await (await cloud.fetch(route, init)).json()) as T;
  const campaignBids = async () => (await json<{ bids: number }>(`/reports/campaigns/${CAMPAIGN}`)).bids;
  const lakeBidsOfPoison = async () =>
    (
      await json<{ rows: { n: number }[] }>('/query', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql: `SELECT count(*)::INTEGER AS n FROM bids WHERE tx_id = '${POISON_TX}'` }),
      })
    ).rows[0]!.n;

  beforeAll(async () => {
    cloud = await startTestCloud({ lake: { lakeBatchWindowSeconds: '1' } }, { meterRequests: true });
    const bids = Array.from({ length: VALID_BIDS }, (_, i) => ({
      type: 'bid',
      tx_id: `valid-${i}`,
      app_uid: `u-${i}`,
      campaign_item_id: CAMPAIGN,
      domain: 'example.com',
    }));
    const post = (events: unknown[]) =>
      cloud.fetch('/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
    for (let i = 0; i < VALID_BIDS / 2; i += 500) await post(bids.slice(i, i + 500));
    const put = await localKinesisClient(cloud.kinesisEndpoint).send(
      new PutRecordCommand({
        StreamName: RAW_EVENTS_STREAM,
        PartitionKey: POISON_TX,
        Data: Buffer.from(JSON.stringify(envelope('424242'))),
      }),
    );
    poisonSequence = put.SequenceNumber!;
    poisonShard = put.ShardId!;
    for (let i = VALID_BIDS / 2; i < VALID_BIDS; i += 500) await post(bids.slice(i, i + 500));
    await waitForIdlePipeline(cloud);
  }, 480_000);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('sets the bad record aside with its reason in every consumer that read it, and processes all the others', async () => {
    // Act
    const { items } = await json<{ items: FailedEventBody[] }>('/failed-events?status=failed');
    const counts = await json<Record<string, unknown>>('/reports/failed-events');

    // Assess
    // Set aside at the first delivery; a batch delivered again (after another record's failure) rejects it again.
    expect(
      items
        .map(({ function_name, sequence_number, status, error_name }) => ({
          function_name,
          sequence_number,
          status,
          error_name,
        }))
        .sort((a, b) => a.function_name.localeCompare(b.function_name)),
    ).toStrictEqual([
      {
        function_name: JOIN_EVENTS,
        sequence_number: poisonSequence,
        status: 'failed',
        error_name: 'InvalidEventEnvelope',
      },
      { function_name: LAND_RAW_EVENTS, sequence_number: poisonSequence, status: 'failed', error_name: 'NotALakeRow' },
    ]);
    expect(items.every((item) => item.attempts >= 1)).toBe(true);
    expect(items.find((item) => item.function_name === JOIN_EVENTS)!.error_message).toContain(
      '$.data.campaign_item_id must be integer',
    );
    expect(counts).toMatchObject({ failed: 2, replayed: 0, retrying: 0 });
    expect(await campaignBids()).toBe(VALID_BIDS);
    expect(await lakeBidsOfPoison()).toBe(0);
  });

  it('meters what AWS would bill for the work: six POST /events calls with one key lookup, their rate-token leases, a payload unit per bid, and the join state they wrote', async () => {
    // Act
    const { byScope } = cloud.meter.snapshot();

    // Assess
    // One instance served the six sequential calls: it read the API key once (strongly consistent), then from its cache,
    // and leased the key's rate tokens from its shared bucket: once, and again only when a second has passed since.
    expect(byScope[PUT_EVENTS]).toStrictEqual({
      apiGatewayHttpRequest: 6,
      lambdaRequest: 6,
      lambdaGbSecond: expect.any(Number),
      dynamoDbReadRequestUnit: 1,
      dynamoDbWriteRequestUnit: expect.any(Number),
      kinesisPutPayloadUnit: VALID_BIDS,
    });
    expect(byScope[PUT_EVENTS]!.lambdaGbSecond).toBeGreaterThan(0);
    expect(byScope[PUT_EVENTS]!.dynamoDbWriteRequestUnit).toBeGreaterThanOrEqual(1);
    expect(byScope[PUT_EVENTS]!.dynamoDbWriteRequestUnit).toBeLessThanOrEqual(6);
    expect(byScope[JOIN_EVENTS]!.dynamoDbWriteRequestUnit).toBeGreaterThan(0);
  });

  it('prices the meter at GET /cost: the bids ingest put as the events, every service’s cost adding up to the total', async () => {
    // Act
    const response = await cloud.fetch('/cost');
    const report = (await response.json()) as {
      source: string;
      events_ingested: number;
      total_usd: number;
      usd_per_million_events: number;
      services: { service: string; usd: number; usage: Record<string, number> }[];
      not_metered: string[];
    };

    // Assess
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ source: 'local-meter', events_ingested: VALID_BIDS });
    expect(report.services.find(({ service }) => service === 'ingest')!.usage).toMatchObject({
      apiGatewayHttpRequest: 6,
      kinesisPutPayloadUnit: VALID_BIDS,
    });
    expect(report.services.map(({ service }) => service)).toEqual(
      expect.arrayContaining(['ingest', 'enrich', 'aggregate', 'lake']),
    );
    expect(report.services.reduce((sum, { usd }) => sum + usd, 0)).toBeCloseTo(report.total_usd, 9);
    expect(report.total_usd).toBeGreaterThan(0);
    expect(report.usd_per_million_events).toBeCloseTo((report.total_usd / VALID_BIDS) * 1e6, 9);
    expect(report.not_metered).toEqual(expect.arrayContaining(['s3PutRequest', 'athenaTerabyteScanned']));
    expect(report.not_metered).not.toContain('dynamoDbWriteRequestUnit');
  });

  it('shows a failed record whole, data included', async () => {
    // Act
    const shown = JSON.parse(await failedCli(cloud, 'show', `${JOIN_EVENTS}#${poisonShard}#${poisonSequence}`)) as {
      data: string;
      partition_key: string;
    };

    // Assess
    expect(JSON.parse(shown.data)).toStrictEqual({ ...envelope('424242'), received_at: expect.any(String) });
    expect(shown.partition_key).toBe(POISON_TX);
  });

  it('replays the record once with corrected data: counted once, landed once, however often it is replayed', async () => {
    // Prepare
    const { items } = await json<{ items: FailedEventBody[] }>('/failed-events?status=failed');
    const fixed = JSON.stringify({ ...envelope(CAMPAIGN), received_at: new Date().toISOString() });

    // Act
    const first = await Promise.all(items.map((item) => failedCli(cloud, 'replay', item.failure_id, '--data', fixed)));
    await waitForIdlePipeline(cloud);
    const afterFirst = { bids: await campaignBids(), lake: await lakeBidsOfPoison() };
    const again = await failedCli(cloud, 'replay', '--all');
    const third = await Promise.all(items.map((item) => failedCli(cloud, 'replay', item.failure_id)));
    await waitForIdlePipeline(cloud);
    const counts = await json<Record<string, unknown>>('/reports/failed-events');

    // Assess
    expect(first.every((line) => line.includes(': replayed (corrected data'))).toBe(true);
    expect(afterFirst).toStrictEqual({ bids: VALID_BIDS + 1, lake: 1 });
    expect(again).toBe('Nothing to replay: no failed events.\n');
    expect(third.every((line) => line.includes(': already replayed (corrected data'))).toBe(true);
    expect({ bids: await campaignBids(), lake: await lakeBidsOfPoison() }).toStrictEqual({
      bids: VALID_BIDS + 1,
      lake: 1,
    });
    expect(counts).toMatchObject({ failed: 0, replayed: 2 });
  }, 120_000);

  it('reconciles every accepted event of the raw stream: processed or set aside, none twice', async () => {
    // Act
    const reconciliation = await json<{
      balanced: boolean;
      totals: { accepted: number; consumers: Record<string, unknown> };
    }>(
      `/reconciliation?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );

    // Assess
    expect(reconciliation.totals).toStrictEqual({
      accepted: VALID_BIDS + 1,
      consumers: {
        [JOIN_EVENTS]: { processed: VALID_BIDS + 1, failed: 0, in_flight: 0, status: 'balanced' },
        [LAND_RAW_EVENTS]: { processed: VALID_BIDS + 1, failed: 0, in_flight: 0, status: 'balanced' },
      },
    });
    expect(reconciliation.balanced).toBe(true);
  });

  it('keeps a record failed, with the consumer’s reason, when its replay fails again', async () => {
    // Prepare
    const put = await localKinesisClient(cloud.kinesisEndpoint).send(
      new PutRecordCommand({
        StreamName: RAW_EVENTS_STREAM,
        PartitionKey: 'broken',
        Data: Buffer.from('{"not": "an envelope"'),
      }),
    );
    await waitForIdlePipeline(cloud);
    const { items } = await json<{ items: FailedEventBody[] }>('/failed-events?status=failed');
    const enrichFailure = items.find(
      (item) => item.function_name === JOIN_EVENTS && item.sequence_number === put.SequenceNumber,
    )!;

    // Act
    const response = await cloud.fetch(`/failed-events/${encodeURIComponent(enrichFailure.failure_id)}/replay`, {
      method: 'POST',
    });
    const answer = (await response.json()) as { code: string; message: string };
    const after = await json<FailedEventBody>(`/failed-events/${encodeURIComponent(enrichFailure.failure_id)}`);

    // Assess
    expect(enrichFailure.error_name).toBe('InvalidJson');
    expect([response.status, answer.code]).toStrictEqual([422, 'replay_failed']);
    expect(answer.message).toContain('InvalidJson');
    expect(after.status).toBe('failed');
  }, 60_000);
});
