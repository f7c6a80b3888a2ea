import { demoProductId } from '@sdp/catalog';
import { seededRandom } from '@sdp/shared-runtime';
import { demoCampaigns } from './demoCampaigns.js';
import { planShopVisit } from './planShopVisit.js';
import { planTransaction } from './planTransaction.js';
import { DEMO_PRODUCTS } from './seedDemoCatalog.js';
import { shopTrend } from './shopTrend.js';

export interface DemoHistoryOptions {
  /** The history ends here (now), its events before it */
  endMs: number;
  hours: number;
  transactionsPerSecond: number;
  visitsPerSecond: number;
  /** Where the shop's trend periods start (`shopTrend`), the same as the live traffic's */
  trendAnchorMs: number;
  /** How long each trend period lasts (`shopTrend`'s default when not given) */
  trendPeriodMs?: number;
  /** Shoppers the visits are drawn from (the live traffic's `shopper-0` … ids) */
  shoppers: number;
  seed?: number;
}

/** The rows of a demo history, in event-time order, as `POST /import` takes them. */
export type DemoHistoryRow =
  | ({ type: 'bid' | 'imp' | 'click'; event_time: string } & Record<string, unknown>)
  | ({ user_id: string; event_timestamp: number } & Record<string, unknown>);

const PATH_TYPES = { '/bid': 'bid', '/impression': 'imp', '/click': 'click' } as const;

/**
 * The demo's own traffic of the last `hours`, as if `npm start` had been running: ad transactions
 * of the demo campaigns (`planTransaction`: price-sensitive wins, clicks) and shop visits
 * (`planShopVisit`) of the demo catalog with its trending products (`shopTrend`), at the given
 * rates, events after `endMs` left out. What a first `npm start` imports so that reports, models and
 * prices have hours of data at once.
 *
 * @example
 * generateDemoHistory({ endMs: Date.now(), hours: 3, transactionsPerSecond: 1, visitsPerSecond: 0.25, trendAnchorMs, shoppers: 300 })
 * // [{ type: 'bid', tx_id: 'history-…-0', campaign_item_id: 1463520, …, event_time: '…' }, { user_id: 'shopper-17', event_timestamp: …, event_name: 'navigate', … }, …]
 */
export function generateDemoHistory(options: DemoHistoryOptions): DemoHistoryRow[] {
  const { endMs, hours, transactionsPerSecond, visitsPerSecond, trendAnchorMs, shoppers } = options;
  const random = seededRandom(options.seed ?? 20261207);
  const startMs = endMs - hours * 3_600_000;
  const campaigns = demoCampaigns();
  const products = Array.from({ length: DEMO_PRODUCTS }, (_, i) => demoProductId(i + 1));
  const timed: { at: number; row: DemoHistoryRow }[] = [];

  const transactions = Math.floor(hours * 3_600 * transactionsPerSecond);
  for (let n = 0; n < transactions; n++) {
    const bidAt = startMs + Math.floor(random() * (endMs - startMs));
    const campaign = campaigns[Math.floor(random() * campaigns.length)]!;
    const txId = `history-${startMs}-${n}`;
    for (const event of planTransaction(campaign, txId, `app-${Math.floor(random() * 500)}`, random)) {
      const at = bidAt + event.delayMs;
      if (at >= endMs) break;
      timed.push({ at, row: { type: PATH_TYPES[event.path], ...event.body, event_time: new Date(at).toISOString() } });
    }
  }

  const visits = Math.floor(hours * 3_600 * visitsPerSecond);
  for (let n = 0; n < visits; n++) {
    const visitAt = startMs + Math.floor(random() * (endMs - startMs));
    const trend = shopTrend(products, visitAt, options.trendPeriodMs, trendAnchorMs);
    const shopper = `shopper-${Math.floor(random() * shoppers)}`;
    for (const click of planShopVisit(shopper, visitAt, trend.products, trend.hotShare, random, trend.hotCount)) {
      if (click.body.event_timestamp >= endMs) break;
      timed.push({ at: click.body.event_timestamp, row: click.body });
    }
  }
  return timed.sort((a, b) => a.at - b.at).map(({ row }) => row);
}
