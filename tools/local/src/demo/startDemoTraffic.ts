import { randomUUID } from 'node:crypto';
import { demoCampaigns } from './demoCampaigns.js';
import { asCrawler, CRAWLER_SHARE, planScraperSweep, SCRAPER_EVERY_MS } from './demoCrawlers.js';
import { planShopVisit } from './planShopVisit.js';
import { shopTrend } from './shopTrend.js';
import { planTransaction } from './planTransaction.js';
import { demoProductId } from '@sdp/catalog';
import { DEMO_PRODUCTS } from './seedDemoCatalog.js';

const SHOP_PRODUCTS = Array.from({ length: DEMO_PRODUCTS }, (_, i) => demoProductId(i + 1));
/** The demo shop's shoppers: `shopper-0` … `shopper-299`. */
export const DEMO_SHOPPERS = 300;

export interface DemoTraffic {
  stats: { sent: number; accepted: number; failed: number };
  stop(): Promise<void>;
}

/**
 * Posts demo ad transactions to the local cloud's public API at `transactionsPerSecond`, each
 * transaction's events at their planned delays, and shop visits (`POST /clickstream`) at
 * `visitsPerSecond`, another product of the shop suddenly trending every hour (`shopTrend`,
 * periods from `trendAnchorMs`). A twentieth of the visits and transactions are crawlers'
 * (`demoCrawlers`): their events carry a crawler's `user_agent`, so ingest marks them as bots and the
 * dashboard counts them apart; a crawler's bid does not (a bidder's server sends it). Every
 * `SCRAPER_EVERY_MS`, from a minute after the start, a scraper with a browser's agent sweeps the
 * shop's product pages faster than a person could, and sessions takes it for a bot by its rate.
 * Bounded by design: it targets the given loopback URL only and stops when asked. Every request carries `apiKey` (the local cloud's key).
 */
export function startDemoTraffic(
  baseUrl: string,
  apiKey: string | undefined,
  transactionsPerSecond: number,
  visitsPerSecond = 0.25,
  trendAnchorMs = 0,
): DemoTraffic {
  const campaigns = demoCampaigns();
  const users = Array.from({ length: 500 }, () => randomUUID());
  const stats = { sent: 0, accepted: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const post = (path: string, body: unknown): void => {
    if (stopped) return;
    stats.sent++;
    const request = fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey ?? '' },
      body: JSON.stringify(body),
    })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) stats.accepted++;
        else stats.failed++;
      })
      .catch(() => void stats.failed++)
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  const later = (delayMs: number, send: () => void): void => {
    if (delayMs === 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, delayMs);
    timers.add(timer);
  };
  const countThisTick = (perSecond: number) =>
    Math.floor(perSecond / 10) + (Math.random() < (perSecond / 10) % 1 ? 1 : 0);

  const tick = setInterval(() => {
    const { products, hotShare, hotCount } = shopTrend(SHOP_PRODUCTS, Date.now(), undefined, trendAnchorMs);
    for (let i = countThisTick(visitsPerSecond); i > 0; i--) {
      const crawling = Math.random() < CRAWLER_SHARE;
      const visitor = crawling
        ? `crawler-${Math.floor(Math.random() * 10)}`
        : `shopper-${Math.floor(Math.random() * DEMO_SHOPPERS)}`;
      for (const click of planShopVisit(visitor, Date.now(), products, hotShare, Math.random, hotCount))
        later(click.delayMs, () => post('/clickstream', crawling ? asCrawler(click.body, Math.random) : click.body));
    }
    const count = countThisTick(transactionsPerSecond);
    for (let i = 0; i < count; i++) {
      const campaign = campaigns[Math.floor(Math.random() * campaigns.length)]!;
      const user = users[Math.floor(Math.random() * users.length)]!;
      const crawling = Math.random() < CRAWLER_SHARE;
      for (const event of planTransaction(campaign, randomUUID(), user, Math.random))
        later(event.delayMs, () =>
          post(event.path, crawling && event.path !== '/bid' ? asCrawler(event.body, Math.random) : event.body),
        );
    }
  }, 100);
  let sweeps = 0;
  const sweep = () => post('/clickstream', planScraperSweep(`scraper-${sweeps++}`, Date.now(), SHOP_PRODUCTS));
  later(60_000, sweep);
  const sweeping = setInterval(sweep, SCRAPER_EVERY_MS);

  return {
    stats,
    async stop() {
      stopped = true;
      clearInterval(tick);
      clearInterval(sweeping);
      timers.forEach(clearTimeout);
      await Promise.allSettled([...inFlight]);
    },
  };
}
