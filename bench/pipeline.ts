/**
 * `npm run bench:pipeline`: how fast the streaming core drains a backlog and how fresh its reports
 * are, end to end through the public API of the local cloud (what `npm start` runs).
 *
 * 1. Throughput: a seeded workload of 50,000 events (see test/support/workload) is posted to
 *    `POST /events` as fast as ingest takes it; the clock stops when the report API's totals over all
 *    campaigns equal the oracle's, i.e. when the backlog is drained through enrich and aggregate.
 * 2. Freshness: under a steady moderate load, a probe bid for a campaign of its own is posted every
 *    250 ms and the report for that campaign is polled until it counts the bid; the time from the
 *    probe's 2xx to the report showing it is one sample.
 *
 * The local cloud runs in a child process (bench/servers/localCloudHost.ts) so the load generator and
 * the pollers here do not share its event loop. Everything targets loopback and stops by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { computeOracle } from '../test/support/workload/computeOracle.ts';
import { generateWorkload } from '../test/support/workload/generateWorkload.ts';
import { postWorkload } from '../test/support/workload/postWorkload.ts';
import { latencySummary, round } from './lib/statistics.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from './servers/localCloudHost.ts';
import { machineDescription } from './lib/machineDescription.ts';

const EVENTS = 50_000;
const STEADY_EVENTS_PER_SECOND = 500;
const STEADY_SECONDS = 30;
const PROBE_EVERY_MS = 250;
const PROBE_CAMPAIGN = 9_999_999;
const TIMEOUT_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-pipeline-'));
const cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
  path.join(import.meta.dirname, 'servers/localCloudHost.ts'),
  [dataDir, '--keep-consumers'],
);
const url = cloud.ready.url;
console.log(`Local cloud up in ${cloud.ready.startupMs} ms at ${url}`);

async function reportedTotal(from: string): Promise<number> {
  const response = await fetch(
    `${url}/reports/campaigns?from=${encodeURIComponent(from)}&to=${encodeURIComponent(new Date(Date.now() + 120_000).toISOString())}&limit=1000`,
    {
      headers: { 'x-api-key': cloud.ready.apiKey },
    },
  );
  const body = (await response.json()) as { campaigns: { bids: number; impressions: number; clicks: number }[] };
  return body.campaigns.reduce((sum, c) => sum + c.bids + c.impressions + c.clicks, 0);
}

try {
  // 1. Drain a backlog.
  const from = new Date(Date.now() - 60_000).toISOString();
  const batches = generateWorkload({
    seed: 7,
    events: EVENTS,
    campaigns: 32,
    duplicateRate: 0.05,
    disorderRate: 0.1,
    lateRate: 0.05,
    orphanImpressionRate: 0.02,
    orphanClickRate: 0.01,
  });
  const started = performance.now();
  const accepted = await postWorkload(cloud.ready, batches);
  const postedMs = performance.now() - started;
  const oracle = computeOracle(accepted, { bidsTimeoutMs: 300_000, clicksTimeoutMs: 300_000, periodMs: 60_000 });
  let expected = 0;
  for (const windows of oracle.windows.values())
    for (const c of windows.values()) expected += c.bids + c.impressions + c.clicks;
  let seen = 0;
  while (seen < expected && performance.now() - started < TIMEOUT_MS) {
    await sleep(100);
    seen = await reportedTotal(from);
  }
  const drainedMs = performance.now() - started;
  if (seen !== expected)
    throw new Error(`the report counted ${seen} of ${expected} events after ${Math.round(drainedMs)} ms`);
  const throughput = {
    events: accepted.length,
    postedMs: Math.round(postedMs),
    drainedMs: Math.round(drainedMs),
    eventsPerSecond: round(accepted.length / (drainedMs / 1000)),
  };
  console.log(
    `Backlog: ${accepted.length} events posted in ${throughput.postedMs} ms, reported after ${throughput.drainedMs} ms → ${throughput.eventsPerSecond} events/s`,
  );

  // 2. Freshness under a steady load.
  const steady = generateWorkload({
    seed: 8,
    events: STEADY_EVENTS_PER_SECOND * STEADY_SECONDS,
    campaigns: 32,
    duplicateRate: 0.05,
    disorderRate: 0.1,
    lateRate: 0,
    orphanImpressionRate: 0.02,
    orphanClickRate: 0.01,
  }).flat();
  const perTick = Math.round(STEADY_EVENTS_PER_SECOND / 10);
  let stopLoad = false;
  const load = (async () => {
    for (let i = 0; !stopLoad && i < steady.length; i += perTick) {
      const tick = performance.now();
      await postWorkload(cloud.ready, [steady.slice(i, i + perTick)]);
      await sleep(Math.max(0, 100 - (performance.now() - tick)));
    }
  })();
  const samples: number[] = [];
  let probes = 0;
  const end = performance.now() + STEADY_SECONDS * 1000;
  while (performance.now() < end) {
    const before = (await (
      await fetch(`${url}/reports/campaigns/${PROBE_CAMPAIGN}`, { headers: { 'x-api-key': cloud.ready.apiKey } })
    ).json()) as { bids: number };
    const response = await fetch(`${url}/bid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': cloud.ready.apiKey },
      body: JSON.stringify({
        tx_id: `probe-${probes++}-${Date.now()}`,
        app_uid: 'probe',
        campaign_item_id: PROBE_CAMPAIGN,
      }),
    });
    const acknowledged = performance.now();
    await response.arrayBuffer();
    for (;;) {
      const now = (await (
        await fetch(`${url}/reports/campaigns/${PROBE_CAMPAIGN}`, { headers: { 'x-api-key': cloud.ready.apiKey } })
      ).json()) as { bids: number };
      if (now.bids > before.bids) break;
      if (performance.now() - acknowledged > 30_000) throw new Error('a probe never showed up in the report');
      await sleep(10);
    }
    samples.push(performance.now() - acknowledged);
    await sleep(Math.max(0, PROBE_EVERY_MS - (performance.now() - acknowledged)));
  }
  stopLoad = true;
  await load;
  const freshness = { loadEventsPerSecond: STEADY_EVENTS_PER_SECOND, ...latencySummary(samples) };
  console.log(
    `Freshness at ${STEADY_EVENTS_PER_SECOND} events/s: p50 ${freshness.p50Ms} ms, p95 ${freshness.p95Ms} ms, p99 ${freshness.p99Ms} ms (${samples.length} probes)`,
  );

  const results = {
    measuredAt: new Date().toISOString(),
    machine: machineDescription(),
    throughput,
    freshness,
    targets: { drainedEventsPerSecond: 5_000, freshnessP95Ms: 1_000 },
  };
  await writeBenchResults('pipeline', results);
  console.log(
    `Targets: ≥ 5,000 events/s drained (${throughput.eventsPerSecond >= 5000 ? 'met' : 'not met'}); freshness p95 ≤ 1 s (${freshness.p95Ms <= 1000 ? 'met' : 'not met'}).`,
  );
} finally {
  await cloud.stop();
  await rm(dataDir, { recursive: true, force: true });
}
