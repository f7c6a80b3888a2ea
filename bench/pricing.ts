/**
 * `npm run bench:pricing`: how soon dynamic pricing answers a product that starts trending, end to
 * end through the public API of the local cloud: from the 2xx of the POST /clickstream that carries
 * a product's spike of views and carts to `GET /products/{id}` showing its new price (product
 * windows → product windows stream → hydrateDemand → demand features stream → adjustPrices → the
 * demand model → the conditional price write). Meanwhile other shoppers browse (100 clickstream
 * events a second, searches and categories, so the ingest and the sessions service are busy but no
 * other price moves under the trend-following demand model of test/support/deployDemandModel.ts).
 *
 * Each trial spikes a product no trial spiked before, so the cooldown never applies. Everything targets loopback,
 * is bounded in trials and time, and stops by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localDynamoDbClient } from '@sdp/local-cloud';
import { seedDemoCatalog } from '../tools/local/src/demo/seedDemoCatalog.ts';
import { DEMO_PRODUCTS } from '../tools/local/src/demo/seedDemoCatalog.ts';
import { demoProductId } from '@sdp/catalog';
import { deployDemandModel } from '../test/support/deployDemandModel.ts';
import { latencySummary } from './lib/statistics.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from './servers/localCloudHost.ts';
import { machineDescription } from './lib/machineDescription.ts';

const TRIALS = 30;
const SPIKE_VIEWS = 40;
const SPIKE_CARTS = 6;
const BROWSING_EVENTS_PER_SECOND = 100;
const WARM_UP_MS = 10_000;
const TRIAL_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-pricing-'));
const cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
  path.join(import.meta.dirname, 'servers/localCloudHost.ts'),
  [dataDir, '--keep-consumers'],
);
const { url, apiKey } = cloud.ready;
const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
console.log(`Local cloud up in ${cloud.ready.startupMs} ms at ${url}`);

const priceOf = async (productId: string) => {
  const response = await fetch(`${url}/products/${productId}`, { headers });
  return (await response.json()) as { price_cents: number; price_version?: number };
};

let browsing = true;
const background = (async () => {
  for (let tick = 0; browsing; tick++) {
    const started = performance.now();
    const events = Array.from({ length: BROWSING_EVENTS_PER_SECOND / 10 }, (_, i) => ({
      user_id: `browser-${(tick * 7 + i) % 500}`,
      event_timestamp: Date.now(),
      event_name: i % 2 ? 'search' : 'category',
      device_type: 'desktop',
    }));
    await fetch(`${url}/clickstream`, { method: 'POST', headers, body: JSON.stringify({ events }) });
    await sleep(Math.max(0, 100 - (performance.now() - started)));
  }
})();
try {
  await seedDemoCatalog(localDynamoDbClient(cloud.ready.dynamoDbEndpoint));
  await deployDemandModel(cloud.ready);
  await sleep(WARM_UP_MS);

  const samples: number[] = [];
  const steps: number[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const productId = demoProductId(1 + (trial % DEMO_PRODUCTS));
    const before = await priceOf(productId);
    const now = Date.now();
    const events = [
      ...Array.from({ length: SPIKE_VIEWS }, (_, i) => ({
        user_id: `bench-fan-${productId}-${i}`,
        event_timestamp: now - 60_000 + i * 1_000,
        event_name: 'detail',
        device_type: 'mobile',
        product_id: productId,
      })),
      ...Array.from({ length: SPIKE_CARTS }, (_, i) => ({
        user_id: `bench-fan-${productId}-${i}`,
        event_timestamp: now - 30_000 + i * 1_000,
        event_name: 'add_to_cart',
        device_type: 'mobile',
        product_id: productId,
        quantity: 1,
      })),
    ];
    const response = await fetch(`${url}/clickstream`, { method: 'POST', headers, body: JSON.stringify({ events }) });
    if (response.status !== 200) throw new Error(`POST /clickstream answered ${response.status}`);
    const acknowledged = performance.now();
    for (;;) {
      const after = await priceOf(productId);
      if (after.price_version !== before.price_version) {
        samples.push(performance.now() - acknowledged);
        steps.push(Math.round(((after.price_cents - before.price_cents) / before.price_cents) * 10_000) / 100);
        break;
      }
      if (performance.now() - acknowledged > TRIAL_TIMEOUT_MS)
        throw new Error(`${productId}'s price did not move within ${TRIAL_TIMEOUT_MS} ms`);
      await sleep(50);
    }
  }
  const latency = latencySummary(samples);
  console.log(
    `Spike → new price (${TRIALS} products, other shoppers at ${BROWSING_EVENTS_PER_SECOND} events/s): p50 ${latency.p50Ms} ms, p95 ${latency.p95Ms} ms, max ${latency.maxMs} ms; steps ${Math.min(...steps)}–${Math.max(...steps)} %`,
  );
  const results = {
    measuredAt: new Date().toISOString(),
    machine: machineDescription(),
    trials: TRIALS,
    spike: { views: SPIKE_VIEWS, carts: SPIKE_CARTS },
    browsingEventsPerSecond: BROWSING_EVENTS_PER_SECOND,
    spikeToPrice: latency,
    stepPercent: { min: Math.min(...steps), max: Math.max(...steps) },
  };
  await writeBenchResults('pricing', results);
} finally {
  browsing = false;
  await background;
  await cloud.stop();
  await rm(dataDir, { recursive: true, force: true });
}
