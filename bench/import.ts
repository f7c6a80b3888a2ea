/**
 * `npm run bench:import`: how fast history imported with `POST /import` goes through the whole
 * pipeline, next to the same events sent live through the batch routes (`POST /events`,
 * `POST /clickstream`), side by side on one local cloud.
 *
 * Each run sends a seeded 3-hour history of its own (ad transactions and shop visits, campaigns,
 * shoppers and products no other run uses) and stops the clock when the reports count every event:
 * the campaign report totals equal the number of ad events (every impression and click joins) and the
 * product report totals equal the demand oracle's. The import path reads the same rows as
 * `npm run import` sends them (`importRows`, 500 rows per request, four at once); the live path posts
 * the same events in batches of 500, four at once, without their times (ad events are counted at
 * ingest time, clickstream events at their own). Runs alternate, live first, and the medians are
 * compared. Everything targets loopback and stops by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { apiRequest, importRows } from '@sdp/shared-cli';
import { generateHistory, type History } from '../fixtures/history/generateHistory.ts';
import { productDemandOracle } from '../fixtures/clickstream/productDemandOracle.ts';
import { median, round } from './lib/statistics.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from './servers/localCloudHost.ts';
import { machineDescription } from './lib/machineDescription.ts';

const ROUNDS = 2;
const TRANSACTIONS = 8_000;
const SHOPPERS_PER_HALF_HOUR = 30;
const HOUR_MS = 3_600_000;
const TIMEOUT_MS = 10 * 60_000;
const COUNTED = ['views', 'carts', 'checkouts', 'purchases'] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-import-'));
const cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
  path.join(import.meta.dirname, 'servers/localCloudHost.ts'),
  [dataDir, '--keep-consumers'],
);
const { url, apiKey } = cloud.ready;
console.log(`Local cloud up in ${cloud.ready.startupMs} ms at ${url}`);

const request = apiRequest(url, apiKey);
const getJson = async <T>(route: string) => (await request('GET', route)).body as T;

/** Posts items to a batch route, 500 per request and four requests at once; fails on any item not accepted. */
async function postLive(route: '/events' | '/clickstream', items: readonly unknown[]) {
  const chunks = Array.from({ length: Math.ceil(items.length / 500) }, (_, i) => items.slice(i * 500, i * 500 + 500));
  for (let start = 0; start < chunks.length; start += 4) {
    await Promise.all(
      chunks.slice(start, start + 4).map(async (events) => {
        const { status, body } = await request('POST', route, { events });
        const { accepted } = body as { accepted?: number };
        if (status !== 200 || accepted !== events.length)
          throw new Error(`POST ${route} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
      }),
    );
  }
}

interface Run {
  path: 'live' | 'import';
  events: number;
  sentMs: number;
  countedMs: number;
  eventsPerSecond: number;
}

async function measure(run: number, mode: Run['path']): Promise<Run> {
  const now = Date.now();
  const campaigns = Array.from({ length: 5 }, (_, i) => 100_000 + run * 10 + i);
  const history: History = generateHistory({
    seed: 500 + run,
    startMs: now - 3 * HOUR_MS,
    endMs: now - 10 * 60_000,
    transactions: TRANSACTIONS,
    campaigns,
    txPrefix: `bench-${run}-`,
    shoppersPerHalfHour: SHOPPERS_PER_HALF_HOUR,
    userPrefix: `bench-${run}-`,
    productPrefix: `bench-${run}-sku-`,
    gapMs: 10_000,
  });
  const products = productDemandOracle(history.clicks, 60_000);
  let expectedDemand = 0;
  for (const windows of products.values())
    for (const window of windows.values()) for (const name of COUNTED) expectedDemand += window[name];
  const events = history.adEvents.length + history.clicks.length;

  const started = performance.now();
  if (mode === 'import') {
    const rows = [...history.adEvents, ...history.clicks].map((row, n) => ({ at: `row ${n + 1}`, row }));
    const summary = await importRows(rows, { request });
    if (summary.accepted + summary.duplicates !== events)
      throw new Error(`the import took ${summary.accepted} of ${events} rows: ${JSON.stringify(summary.rejectedBy)}`);
  } else {
    await Promise.all([
      postLive(
        '/events',
        history.adEvents.map(({ event_time: _, ...event }) => event),
      ),
      postLive('/clickstream', history.clicks),
    ]);
  }
  const sentMs = performance.now() - started;

  const range = `from=${new Date(now - 4 * HOUR_MS).toISOString()}&to=${new Date(now + 10 * 60_000).toISOString()}&limit=1000`;
  for (;;) {
    const { campaigns: listed } = await getJson<{
      campaigns: { campaign_item_id: number; bids: number; impressions: number; clicks: number }[];
    }>(`/reports/campaigns?${range}`);
    const ad = listed
      .filter((c) => campaigns.includes(c.campaign_item_id))
      .reduce((sum, c) => sum + c.bids + c.impressions + c.clicks, 0);
    const { products: ranked } = await getJson<{ products: ({ product_id: string } & Record<string, number>)[] }>(
      `/reports/products?${range}`,
    );
    const demand = ranked
      .filter((p) => p.product_id.startsWith(`bench-${run}-sku-`))
      .reduce((sum, p) => sum + COUNTED.reduce((s, name) => s + p[name]!, 0), 0);
    if (ad === history.adEvents.length && demand === expectedDemand) break;
    if (performance.now() - started > TIMEOUT_MS)
      throw new Error(
        `run ${run} (${mode}): counted ${ad} of ${history.adEvents.length} ad events and ${demand} of ${expectedDemand} demand signals`,
      );
    await sleep(100);
  }
  const countedMs = performance.now() - started;
  const result = {
    path: mode,
    events,
    sentMs: Math.round(sentMs),
    countedMs: Math.round(countedMs),
    eventsPerSecond: round(events / (countedMs / 1000)),
  };
  console.log(
    `${mode.padEnd(6)} run ${run}: ${events} events sent in ${result.sentMs} ms, all counted after ${result.countedMs} ms → ${result.eventsPerSecond} events/s`,
  );
  return result;
}

try {
  const runs: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.push(await measure(round * 2, 'live'));
    runs.push(await measure(round * 2 + 1, 'import'));
  }
  const live = median(runs.filter((r) => r.path === 'live').map((r) => r.eventsPerSecond));
  const imported = median(runs.filter((r) => r.path === 'import').map((r) => r.eventsPerSecond));
  const results = {
    measuredAt: new Date().toISOString(),
    machine: machineDescription(),
    workload: { transactions: TRANSACTIONS, shoppersPerHalfHour: SHOPPERS_PER_HALF_HOUR, hours: 3 },
    runs,
    medianEventsPerSecond: { live, import: imported },
    importToLive: round(imported / live),
  };
  await writeBenchResults('import', results);
  console.log(
    `Median through the whole pipeline: import ${imported} events/s, live batch path ${live} events/s (import/live ${results.importToLive}).`,
  );
} finally {
  await cloud.stop();
  await rm(dataDir, { recursive: true, force: true });
}
