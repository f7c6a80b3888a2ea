import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { localKinesisClient } from '@sdp/local-cloud';
import { NAMESPACES } from './support/namespaces.js';
import { readWholeStream } from './support/readWholeStream.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';

const repositoryRoot = path.resolve(__dirname, '..');

// A request may wait for an instance of its function to start: seconds beside other suites on 2 cores.
jest.setTimeout(60_000);

const RAW_EVENTS_STREAM = 'sdp-ingest-local-raw-events';
const CLICKSTREAM = 'sdp-ingest-local-clickstream';
/** Every transaction, shopper and tenant of this suite is under these prefixes: the cloud is shared with other suites. */
const { txPrefix, userPrefix, tenantPrefix } = NAMESPACES.auth;
const tx = (name: string) => `${txPrefix}${name}`;
const tenant = (name: string) => `${tenantPrefix}${name}`;
const bid = (txId: string) =>
  JSON.stringify({ tx_id: txId, app_uid: `${userPrefix}u`, campaign_item_id: 7, domain: 'example.com' });

/** `npm run keys -- <args>` against the test cloud; the printed key is the output's first line. */
async function keys(cloud: TestCloud, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.join(repositoryRoot, 'node_modules/.bin/tsx'),
    ['services/access/scripts/keys.ts', ...args, '--data-dir', cloud.dataDir],
    { cwd: repositoryRoot },
  );
  return stdout;
}

describe('API keys through the local cloud', () => {
  let cloud: TestCloud;

  /** The ids in `field` of a stream's events that start with `prefix`: this suite's, since the streams are shared */
  const ownIdsInStream = async (streamName: string, field: 'tx_id' | 'user_id', prefix: string) =>
    (await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), streamName))
      .map((r) => (r.data as { data?: Record<string, unknown> }).data?.[field])
      .filter((id): id is string => typeof id === 'string' && id.startsWith(prefix));
  const ownTransactionsInStream = () => ownIdsInStream(RAW_EVENTS_STREAM, 'tx_id', txPrefix);

  const call = async (route: string, key: string | undefined, body?: string) => {
    const response = await fetch(cloud.url + route, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'x-api-key': key }) },
      ...(body === undefined ? {} : { body }),
    });
    const answer = (await response.json()) as { code?: string; message?: string };
    return `${response.status} ${answer.code ?? 'ok'}`;
  };

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('refuses every API without a valid key, with 401 and a code, and writes nothing', async () => {
    // Prepare
    const bogus = `sdp_${'0'.repeat(12)}_${'0'.repeat(48)}`;

    // Act
    const answers = [
      await call('/bid', undefined, bid(tx('no-key'))),
      await call('/bid', 'not-a-key', bid(tx('bad-key'))),
      await call('/events', bogus, JSON.stringify({ events: [{ type: 'bid', tx_id: tx('bogus') }] })),
      await call('/reports/campaigns/7', undefined),
      await call('/predictions', undefined, '{}'),
      await call('/query/saved', bogus),
      await call('/models', undefined),
      await call('/orphans', undefined),
      await call(
        '/clickstream',
        bogus,
        JSON.stringify({ user_id: `${userPrefix}u1`, event_timestamp: Date.now(), event_name: 'detail' }),
      ),
      await call(`/sessions?user_id=${userPrefix}u1`, undefined),
      await call('/products/sku-001', bogus),
      await call('/reports/products?sort=views', undefined),
      await call('/products/sku-001/price-history', bogus),
    ];
    const stream = [
      ...(await ownTransactionsInStream()),
      ...(await ownIdsInStream(CLICKSTREAM, 'user_id', userPrefix)),
    ];

    // Assess
    expect(answers).toStrictEqual([
      '401 missing_api_key',
      '401 invalid_api_key',
      '401 invalid_api_key',
      '401 missing_api_key',
      '401 missing_api_key',
      '401 invalid_api_key',
      '401 missing_api_key',
      '401 missing_api_key',
      '401 invalid_api_key',
      '401 missing_api_key',
      '401 invalid_api_key',
      '401 missing_api_key',
      '401 invalid_api_key',
    ]);
    expect(stream).toStrictEqual([]);
  });

  it('creates, scopes, rotates and revokes tenant keys with npm run keys', async () => {
    // Prepare
    const ingestOnly = (await keys(cloud, 'create', '--tenant', tenant('bidder-1'), '--scopes', 'ingest')).split(
      '\n',
    )[0]!;
    const reader = (await keys(cloud, 'create', '--tenant', tenant('analyst'), '--scopes', 'report')).split('\n')[0]!;

    // Act
    const beforeRotation = [
      await call('/bid', ingestOnly, bid(tx('tenant-1'))),
      await call('/reports/campaigns/7', ingestOnly),
      await call('/bid', reader, bid(tx('reader'))),
    ];
    const rotated = (await keys(cloud, 'rotate', ingestOnly.slice(4, 16), '--grace-hours', '0')).split('\n')[0]!;
    const revokedKey = (await keys(cloud, 'create', '--tenant', tenant('gone'))).split('\n')[0]!;
    await keys(cloud, 'revoke', revokedKey.slice(4, 16));
    const afterRotation = [
      await call('/bid', rotated, bid(tx('tenant-1-new'))),
      await call('/bid', revokedKey, bid(tx('revoked'))),
      await call('/reports/campaigns/7', reader),
    ];
    const listed = await keys(cloud, 'list');
    const inStream = await ownTransactionsInStream();

    // Assess
    expect(ingestOnly).toMatch(/^sdp_[0-9a-f]{12}_[0-9a-f]{48}$/);
    expect(beforeRotation).toStrictEqual(['202 ok', '403 insufficient_scope', '403 insufficient_scope']);
    expect(afterRotation).toStrictEqual(['202 ok', '403 api_key_revoked', '200 ok']);
    expect(inStream.sort()).toStrictEqual([tx('tenant-1'), tx('tenant-1-new')]);
    expect(listed).toContain(`${ingestOnly.slice(4, 16)}  ${tenant('bidder-1')}`);
    expect(listed).toMatch(new RegExp(`${ingestOnly.slice(4, 16)} .* expires .* → ${rotated.slice(4, 16)}`));
    expect(listed).toMatch(new RegExp(`${revokedKey.slice(4, 16)} .* REVOKED`));
    expect(listed).not.toContain(ingestOnly.slice(17));
  }, 60_000);

  it('gives a key ingest alone by default, and lake SQL only to a key with the query scope', async () => {
    // Prepare
    const byDefault = (await keys(cloud, 'create', '--tenant', tenant('website'))).split('\n')[0]!;
    const reader = (await keys(cloud, 'create', '--tenant', tenant('dashboards'), '--scopes', 'report')).split(
      '\n',
    )[0]!;
    const analyst = (await keys(cloud, 'create', '--tenant', tenant('analyst-sql'), '--scopes', 'report,query')).split(
      '\n',
    )[0]!;
    const sql = JSON.stringify({ sql: 'SELECT 1 AS one' });

    // Act
    const answers = {
      byDefault: [
        await call('/bid', byDefault, bid(tx('website'))),
        await call('/query', byDefault, sql),
        await call('/reports/campaigns/7', byDefault),
      ],
      reader: [
        await call('/query', reader, sql),
        await call('/query/saved', reader),
        await call('/reports/campaigns/7', reader),
      ],
      analyst: [await call('/query', analyst, sql), await call('/query/saved', analyst)],
    };

    // Assess
    expect(answers).toStrictEqual({
      byDefault: ['202 ok', '403 insufficient_scope', '403 insufficient_scope'],
      reader: ['403 insufficient_scope', '403 insufficient_scope', '200 ok'],
      analyst: ['200 ok', '200 ok'],
    });
  }, 60_000);

  it('keeps tenants’ transactions apart: another tenant’s impression and click for our tx_id change none of our counts', async () => {
    // Prepare: our bid (the cloud's key, tenant local) for campaign 8; another tenant's key
    const intruder = (await keys(cloud, 'create', '--tenant', tenant('intruder'))).split('\n')[0]!;
    const txId = tx('isolated-1');
    const campaign = `{"tx_id":"${txId}","app_uid":"${userPrefix}u","campaign_item_id":8,"domain":"example.com"}`;
    const report = async () => {
      const { bids, impressions, clicks, spend } = (await (await cloud.fetch('/reports/campaigns/8')).json()) as Record<
        string,
        number
      >;
      return { bids, impressions, clicks, spend };
    };

    // Act: the intruder's impression and click come first, for our tx_id; then our bid and impression, in one batch
    // (one receive time: the shared cloud joins an impression only within 3 s of its bid)
    expect(await call('/impression', intruder, JSON.stringify({ tx_id: txId, win_price: 999 }))).toBe('202 ok');
    expect(await call('/click', intruder, JSON.stringify({ tx_id: txId }))).toBe('202 ok');
    const ours = {
      events: [
        { ...JSON.parse(campaign), type: 'bid' },
        { tx_id: txId, win_price: 40, type: 'imp' },
      ],
    };
    expect(await call('/events', cloud.apiKey, JSON.stringify(ours))).toBe('200 ok');
    await cloud.waitForIdle();
    // Rarely a count lands just after the pipeline looks idle: read until it settles (10 s at most).
    let counts = await report();
    for (let i = 0; i < 40 && counts.impressions === 0; i++)
      counts = await new Promise((resolve) => setTimeout(resolve, 250)).then(report);

    // Assess: the intruder's events joined nothing and pre-empted nothing; ours count as sent
    expect(counts).toStrictEqual({ bids: 1, impressions: 1, clicks: 0, spend: 40 });
    const enriched = (
      await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), 'sdp-enrich-local-enriched-events')
    )
      .map((record) => record.data as { tx_id: string; tenant?: string; type: string })
      .filter((event) => event.tx_id === txId);
    expect(enriched.map(({ tenant, type }) => `${tenant}:${type}`).sort()).toStrictEqual(['local:bid', 'local:imp']);
  }, 60_000);

  it('says when a rotated key has expired and which key replaced it', async () => {
    // Prepare
    const old = (await keys(cloud, 'create', '--tenant', tenant('rotating'), '--scopes', 'ingest')).split('\n')[0]!;
    const replacement = (await keys(cloud, 'rotate', old.slice(4, 16), '--grace-hours', '0')).split('\n')[0]!;

    // Act
    const response = await fetch(`${cloud.url}/bid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': old },
      body: bid(tx('expired')),
    });

    // Assess
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: 'api_key_expired',
      message: expect.stringContaining(`use its replacement ${replacement.slice(4, 16)}`),
    });
  }, 30_000);

  it('answers 429 with Retry-After beyond a key’s rate limit, without writing the refused events', async () => {
    // Prepare
    const limited = (
      await keys(cloud, 'create', '--tenant', tenant('small'), '--scopes', 'ingest', '--rate', '1', '--burst', '3')
    ).split('\n')[0]!;

    // Act
    const startedAt = Date.now();
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) answers.push(await call('/bid', limited, bid(tx(`limited-${i}`))));
    const seconds = (Date.now() - startedAt) / 1000;
    const inStream = (await ownTransactionsInStream()).filter((txId) => txId.startsWith(tx('limited-')));

    // Assess: the burst of 3, and one more for each whole second the requests took
    const accepted = answers.filter((answer) => answer === '202 ok').length;
    expect(answers.slice(0, 3)).toStrictEqual(['202 ok', '202 ok', '202 ok']);
    expect(accepted).toBeLessThanOrEqual(3 + Math.floor(seconds));
    expect(answers.filter((answer) => answer !== '202 ok').every((answer) => answer === '429 rate_limited')).toBe(true);
    expect(inStream.sort()).toStrictEqual(
      answers.flatMap((answer, i) => (answer === '202 ok' ? [tx(`limited-${i}`)] : [])).sort(),
    );
    // The key's shared rate bucket sits in the keys table beside it, and is not listed as a key.
    const listed = (await keys(cloud, 'list')).split('\n');
    expect(listed.filter((line) => line.startsWith(limited.slice(4, 16)))).toHaveLength(1);
    expect(listed.filter((line) => line.includes('rate#'))).toStrictEqual([]);
  }, 30_000);

  it('holds a key to its rate over every instance: 200 connections for 20 s get at most rate × 20 s + burst through', async () => {
    // Prepare
    const limited = (
      await keys(cloud, 'create', '--tenant', tenant('flood'), '--scopes', 'ingest', '--rate', '10', '--burst', '20')
    ).split('\n')[0]!;
    const answers = new Map<string, number>();
    let sent = 0;
    let busiest = 0;
    const startedAt = Date.now();
    const until = startedAt + 20_000;

    // Act
    const watch = (async () => {
      while (Date.now() < until) {
        busiest = Math.max(busiest, await cloud.busyInstances('sdp-ingest-local-putEvent'));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        while (Date.now() < until) {
          const answer = await call('/bid', limited, bid(tx(`flood-${sent++}`)));
          answers.set(answer, (answers.get(answer) ?? 0) + 1);
        }
      }),
    );
    await watch;
    const seconds = (Date.now() - startedAt) / 1000;
    const inStream = (await ownTransactionsInStream()).filter((txId) => txId.startsWith(tx('flood-')));

    // Assess
    const accepted = answers.get('202 ok') ?? 0;
    expect([...answers.keys()].sort()).toStrictEqual(['202 ok', '429 rate_limited']);
    expect(busiest).toBeGreaterThan(1);
    expect(accepted).toBeLessThanOrEqual(10 * seconds + 20);
    // Nearly all of it: a lease's unused tokens lapse after 1 s, and nothing else is lost.
    expect(accepted).toBeGreaterThanOrEqual(0.8 * (10 * 20 + 20));
    expect(inStream).toHaveLength(accepted);
  }, 90_000);
});
