import { apiRequest, importRows, type ImportSummary } from '@sdp/shared-cli';
import type { PlatformCloud } from '../startPlatformCloud.js';
import { generateDemoHistory } from './generateDemoHistory.js';
import { DEMO_SHOPPERS } from './startDemoTraffic.js';

/** How much history a first `npm start` brings: hours of both kinds of demo traffic, thinner than the live one for ads. */
export const DEMO_HISTORY = { hours: 3, transactionsPerSecond: 0.3 } as const;

/**
 * The demo shop's visits per second, live and in the history alike: the demand model learns the
 * live traffic's scale from the history, and a first start imports three hours of it in under a minute.
 */
export const DEMO_SHOP_VISITS_PER_SECOND = 0.25;

/** What one training of a model did, as the retrain functions answer. */
export interface TrainingOutcome {
  status: string;
  version?: string;
  decision?: string;
  reason: string;
  promotion?: string;
}

export interface DemoHistoryOutcome {
  rows: number;
  summary: ImportSummary;
  importedMs: number;
  /** From the start of the import until every consumer had processed it */
  countedMs: number;
  bidModel: TrainingOutcome;
  demandModel: TrainingOutcome;
}

/**
 * Brings a first `npm start` hours of data at once: generates the last `DEMO_HISTORY.hours` of the
 * demo's traffic (`generateDemoHistory`, the shop at the live `visitsPerSecond` so that the demand
 * model learns the live traffic's scale), imports it through `POST /import` as `npm run import`
 * would, waits until every consumer has counted it, then trains the bid-win and the demand model on
 * it (the retrain functions, as their schedules would), so that predictions and dynamic pricing work
 * from the first minutes.
 */
export async function importDemoHistory(
  cloud: PlatformCloud,
  options: { visitsPerSecond: number; trendAnchorMs: number; log: (line: string) => void },
): Promise<DemoHistoryOutcome> {
  const startedAt = performance.now();
  const rows = generateDemoHistory({
    endMs: Date.now(),
    hours: DEMO_HISTORY.hours,
    transactionsPerSecond: DEMO_HISTORY.transactionsPerSecond,
    visitsPerSecond: options.visitsPerSecond,
    trendAnchorMs: options.trendAnchorMs,
    shoppers: DEMO_SHOPPERS,
  });
  options.log(
    `Importing ${DEMO_HISTORY.hours} hours of demo history: ${rows.length.toLocaleString('en')} events (--no-history to skip)`,
  );
  let lastLogged = 0;
  const summary = await importRows(
    rows.map((row, n) => ({ at: `row ${n + 1}`, row })),
    {
      request: apiRequest(cloud.url, cloud.apiKey),
      onProgress: (done) => {
        if (performance.now() - lastLogged < 5_000) return;
        lastLogged = performance.now();
        options.log(`  ${done.toLocaleString('en')} of ${rows.length.toLocaleString('en')} sent`);
      },
    },
  );
  const importedMs = performance.now() - startedAt;
  options.log(`  sent in ${(importedMs / 1000).toFixed(1)} s; waiting for the pipeline to count it…`);
  await cloud.waitForIdle({ timeoutMs: 10 * 60_000 });
  const countedMs = performance.now() - startedAt;
  const train = (suffix: string) => {
    const name = [...cloud.pools.keys()].find((functionName) => functionName.endsWith(`-${suffix}`));
    if (!name) throw new Error(`no function named *-${suffix} in the local cloud`);
    return cloud.pools.get(name)!.invoke({}) as Promise<TrainingOutcome>;
  };
  const [bidModel, demandModel] = await Promise.all([train('retrainModel'), train('retrainDemandModel')]);
  return { rows: rows.length, summary, importedMs, countedMs, bidModel, demandModel };
}
