import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateHistory } from '../fixtures/history/generateHistory.js';
import { productDemandOracle, type ExpectedProductWindow } from '../fixtures/clickstream/productDemandOracle.js';
import { sessionsOracle, type ExpectedSession } from '../fixtures/clickstream/sessionsOracle.js';
import { NAMESPACES } from './support/namespaces.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';
import { computeOracle, type AcceptedEvent } from './support/workload/computeOracle.js';
import { ORACLE_SETTINGS } from './support/workload/oracleScenario.js';
import { oracleWindows, readStoredWindows } from './support/workload/readStoredWindows.js';
import { lakeRows, listedSessions } from './support/platformReads.js';

const {
  txPrefix: TX_PREFIX,
  campaigns: CAMPAIGNS,
  userPrefix: USER_PREFIX,
  productPrefix: PRODUCT_PREFIX,
} = NAMESPACES.import;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const GAP_MS = 10_000;
const COUNTS = ['views', 'carts', 'cart_units', 'checkouts', 'purchases', 'units_sold'] as const;
const repositoryRoot = path.resolve(import.meta.dirname, '..');

describe('importing history with npm run import through the local cloud', () => {
  let cloud: TestCloud;
  let workDir: string;

  /** `npm run import -- <file>` as a user runs it against this cloud; its summary's numbers and its exit code. */
  const runImport = async (file: string) => {
    const outcome = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'services/ingest/scripts/import.ts', file, '--url', cloud.url],
      { cwd: repositoryRoot, env: { ...process.env, SDP_API_KEY: cloud.apiKey }, maxBuffer: 16 * 1024 * 1024 },
    ).then(
      ({ stdout }) => ({ stdout, code: 0 }),
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
    );
    const number = (label: string) =>
      Number(new RegExp(`^\\s+${label}\\s+([\\d,]+)`, 'm').exec(outcome.stdout)?.[1]?.replaceAll(',', ''));
    return {
      code: outcome.code,
      stdout: outcome.stdout,
      accepted: number('accepted'),
      duplicates: number('duplicates'),
      rejectedBy: Object.fromEntries(
        ['unreadable', 'validation_failed', 'too_old', 'in_future'].map((code) => [code, number(code)]),
      ),
    };
  };

  const lake = (sql: string) => lakeRows(cloud, sql);

  beforeAll(async () => {
    cloud = await sharedTestCloud();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-import-'));
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
    await cloud?.dispose();
  }, 60_000);

  it('counts a 3-hour NDJSON history of ad events and clickstream as an oracle over the accepted rows does, in reports, sessions, product windows and the lake; importing it again adds nothing', async () => {
    // Prepare: a history of the last three hours, with bad rows among the good ones.
    const now = Date.now();
    const [startMs, endMs] = [now - NAMESPACES.import.hoursAgo * HOUR_MS, now - 10 * MINUTE_MS];
    const history = generateHistory({
      seed: 1807,
      startMs,
      endMs,
      transactions: 2_000,
      campaigns: CAMPAIGNS,
      txPrefix: TX_PREFIX,
      shoppersPerHalfHour: 8,
      userPrefix: USER_PREFIX,
      productPrefix: PRODUCT_PREFIX,
      gapMs: GAP_MS,
    });
    // Some shop exports write the time as text: digits, or an ISO 8601 instant with its offset.
    const clickRows = history.clicks.map((click, n) =>
      n % 7 === 1
        ? { ...click, event_timestamp: String(click.event_timestamp) }
        : n % 7 === 2
          ? { ...click, event_timestamp: new Date(click.event_timestamp).toISOString().replace('Z', '+00:00') }
          : click,
    );
    const badLines = [
      '{"type": "bid", "tx_id": ',
      JSON.stringify({
        type: 'bid',
        tx_id: `${TX_PREFIX}no-app`,
        campaign_item_id: CAMPAIGNS[0],
        event_time: new Date(endMs).toISOString(),
      }),
      JSON.stringify({
        ...history.adEvents[0],
        tx_id: `${TX_PREFIX}too-old`,
        event_time: new Date(now - 50 * HOUR_MS).toISOString(),
      }),
      JSON.stringify({ type: 'click', tx_id: `${TX_PREFIX}future`, event_time: new Date(now + HOUR_MS).toISOString() }),
      JSON.stringify({ user_id: `${USER_PREFIX}bad`, event_timestamp: 'yesterday', event_name: 'detail' }),
    ];
    const lines = [
      ...history.adEvents.map((row) => JSON.stringify(row)),
      ...badLines,
      ...clickRows.map((row) => JSON.stringify(row)),
    ];
    const file = path.join(workDir, 'history.ndjson');
    await writeFile(file, `${lines.join('\n')}\n`);

    // The oracle: every event is distinct (the clickstream's copies are exact ones), so the first of a
    // transaction's events of a type is the only one, whatever the stream order.
    const accepted: AcceptedEvent[] = history.adEvents.map(({ event_time, ...event }, n) => ({
      event,
      receivedAt: event_time,
      sequenceNumber: String(n + 1),
    }));
    const expectedWindows = oracleWindows(computeOracle(accepted, ORACLE_SETTINGS));
    const expectedSessions = sessionsOracle(history.clicks, GAP_MS);
    const expectedProducts = productDemandOracle(history.clicks, MINUTE_MS);
    const range = `from=${new Date(startMs - HOUR_MS).toISOString()}&to=${new Date(now).toISOString()}`;

    /** What the platform holds of the history: windows, sessions, product windows and the lake's counts. */
    const observe = async () => {
      const stored = await readStoredWindows(cloud.dynamoDbEndpoint);
      const windows = Object.fromEntries(
        CAMPAIGNS.map(String)
          .filter((id) => stored[id])
          .map((id) => [id, stored[id]]),
      );
      const sessions = new Map<string, ExpectedSession[]>();
      for (const userId of expectedSessions.keys()) {
        const listed = await listedSessions(cloud, userId);
        sessions.set(
          userId,
          listed.map(({ user_id, start, end, event_count, device_type, entry_event, exit_event }) => ({
            user_id,
            start,
            end,
            event_count,
            device_type,
            entry_event,
            exit_event,
          })),
        );
      }
      const products = new Map<string, Map<number, ExpectedProductWindow>>();
      for (const productId of expectedProducts.keys()) {
        const response = await cloud.fetch(`/reports/products/${productId}?period=minute&desc=false&${range}`);
        const { buckets } = (await response.json()) as { buckets: (ExpectedProductWindow & { period: string })[] };
        products.set(
          productId,
          new Map(
            buckets.map((bucket) => [
              Date.parse(bucket.period),
              Object.fromEntries(COUNTS.map((name) => [name, bucket[name]])) as unknown as ExpectedProductWindow,
            ]),
          ),
        );
      }
      const [lakeCounts] = await lake(`SELECT
          (SELECT count(*) FROM distinct_bids WHERE tx_id LIKE '${TX_PREFIX}%') AS bids,
          (SELECT count(*) FROM bids WHERE tx_id LIKE '${TX_PREFIX}%' AND source = 'import') AS imported_bid_rows,
          (SELECT count(*) FROM distinct_joined_impressions WHERE tx_id LIKE '${TX_PREFIX}%') AS joined_impressions,
          (SELECT count(*) FROM distinct_joined_clicks WHERE tx_id LIKE '${TX_PREFIX}%') AS joined_clicks,
          (SELECT count(*) FROM distinct_clickstream_events WHERE user_id LIKE '${USER_PREFIX}%' AND source = 'import') AS clickstream_events,
          (SELECT count(*) FROM sessions WHERE user_id LIKE '${USER_PREFIX}%' AND status = 'active') AS sessions,
          (SELECT sum(purchases) FROM product_windows WHERE product_id LIKE '${PRODUCT_PREFIX}%') AS purchases`);
      const bidTimes = await lake(
        `SELECT tx_id, epoch_ms(received_at) AS at, hour FROM distinct_bids WHERE tx_id LIKE '${TX_PREFIX}%' ORDER BY tx_id`,
      );
      return {
        windows,
        sessions,
        products,
        lake: Object.fromEntries(Object.entries(lakeCounts!).map(([name, value]) => [name, Number(value)])),
        bidTimes: bidTimes.map((row) => `${String(row.tx_id)} ${Number(row.at)} ${Number(row.hour)}`),
      };
    };

    // Act
    const first = await runImport(file);
    await cloud.waitForIdle();
    const afterFirst = await observe();
    const again = await runImport(file);
    await cloud.waitForIdle();
    const afterAgain = await observe();

    // Assess: the summary names every bad row by its reason, and the good ones are all accepted.
    const validRows = history.adEvents.length + history.clicks.length;
    expect({ code: first.code, rejectedBy: first.rejectedBy, rows: first.accepted + first.duplicates }).toStrictEqual({
      code: 2,
      rejectedBy: { unreadable: 1, validation_failed: 2, too_old: 1, in_future: 1 },
      rows: validRows,
    });
    expect(first.stdout).toContain(`line ${history.adEvents.length + 1}: unreadable: not JSON`);
    expect(first.stdout).toContain(`line ${history.adEvents.length + 3}: too_old: The event happened at`);
    expect(again).toMatchObject({ code: 2, rejectedBy: first.rejectedBy });

    // Every count equals the oracle's: campaign windows, sessions, product windows.
    expect(afterFirst.windows).toStrictEqual(expectedWindows);
    expect(afterFirst.sessions).toStrictEqual(expectedSessions);
    expect(afterFirst.products).toStrictEqual(expectedProducts);

    // The lake: each event in the hour of its event time, marked as imported, joins and sessions counted once.
    const transactions = computeOracle(accepted, ORACLE_SETTINGS).transactions;
    const distinctClicks = new Set(
      history.clicks.map((c) => `${c.user_id} ${c.event_timestamp} ${c.event_name} ${c.event_type}`),
    );
    const bids = history.adEvents.filter((event) => event.type === 'bid');
    expect(afterFirst.lake).toStrictEqual({
      bids: bids.length,
      imported_bid_rows: bids.length,
      joined_impressions: transactions.filter((tx) => tx.impJoined).length,
      joined_clicks: transactions.filter((tx) => tx.clickJoined).length,
      clickstream_events: distinctClicks.size,
      sessions: [...expectedSessions.values()].flat().length,
      purchases: [...expectedProducts.values()]
        .flatMap((windows) => [...windows.values()])
        .reduce((sum, w) => sum + w.purchases, 0),
    });
    expect(afterFirst.bidTimes).toStrictEqual(
      bids.map((bid) => `${bid.tx_id} ${Date.parse(bid.event_time)} ${new Date(bid.event_time).getUTCHours()}`).sort(),
    );

    // Importing the same file again changes no count anywhere.
    expect(afterAgain).toStrictEqual({
      ...afterFirst,
      lake: { ...afterFirst.lake, imported_bid_rows: 2 * bids.length },
    });
  }, 900_000);
});
