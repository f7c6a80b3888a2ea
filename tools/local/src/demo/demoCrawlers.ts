/** The share of the demo's shop visits and ad transactions that crawlers make (ADR 24). */
export const CRAWLER_SHARE = 0.05;

/** Crawlers' user agents as they announce themselves; each is on the `isbot` list ingest classifies by. */
export const CRAWLER_USER_AGENTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
] as const;

/**
 * A crawler's body for one demo event: the event with a crawler's `user_agent`. The demo posts from
 * Node, whose `User-Agent` ingest does not stamp (an HTTP library relays, it is not the device), so
 * the crawler's agent travels in the event, as a shop's backend relaying a crawler's visit sends it.
 *
 * @example
 * asCrawler({ user_id: 'crawler-1', event_name: 'detail' }, () => 0)
 * // { user_id: 'crawler-1', event_name: 'detail', user_agent: 'Mozilla/5.0 (compatible; Googlebot/2.1; …)' }
 */
export function asCrawler<Body extends object>(body: Body, random: () => number): Body & { user_agent: string } {
  return { ...body, user_agent: CRAWLER_USER_AGENTS[Math.floor(random() * CRAWLER_USER_AGENTS.length)]! };
}

/** How often a scraper with a browser's agent sweeps the demo shop, and how many pages it takes. */
export const SCRAPER_EVERY_MS = 10 * 60_000;
export const SCRAPER_PAGES = 150;
/** A desktop Chrome's user agent: not on the bot list, so only the scraper's rate gives it away. */
const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

/**
 * A scraper's sweep of the shop's product pages, as one `POST /clickstream` batch: `SCRAPER_PAGES`
 * product views 250 ms apart from the start of the minute before `nowMs` (one minute of event time,
 * all of it past), with a browser's user agent. Past 120 events in a minute, sessions takes it for a
 * bot by its rate (ADR 24), so its later views count for nothing and the dashboard's bots panel
 * shows them.
 *
 * @example
 * planScraperSweep('scraper-3', Date.now(), ['sku-001', 'sku-002'])
 * // { events: [{ user_id: 'scraper-3', event_timestamp: …, event_name: 'detail', product_id: 'sku-001', user_agent: 'Mozilla/5.0 (Windows NT 10.0; …' }, …] }
 */
export function planScraperSweep(scraperId: string, nowMs: number, products: readonly string[]) {
  const startMs = Math.floor(nowMs / 60_000) * 60_000 - 60_000;
  return {
    events: Array.from({ length: SCRAPER_PAGES }, (_, i) => ({
      user_id: scraperId,
      event_timestamp: startMs + i * 250,
      event_name: 'detail',
      event_type: 'click' as const,
      device_type: 'desktop',
      product_id: products[i % products.length]!,
      user_agent: BROWSER_USER_AGENT,
    })),
  };
}
