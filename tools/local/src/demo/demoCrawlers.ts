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
