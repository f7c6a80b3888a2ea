/** One campaign of the demo traffic, with the odds that shape its funnel. */
export interface DemoCampaign {
  campaignItemId: number;
  /** Share of bids at the median price (500) on a neutral domain that win (become impressions) */
  winRate: number;
  /** Share of impressions that are clicked */
  clickThroughRate: number;
  domains: string[];
  creatives: { id: string; category: string }[];
}

export interface PlannedEvent {
  /** Milliseconds after the bid */
  delayMs: number;
  path: '/bid' | '/impression' | '/click';
  body: Record<string, unknown>;
}

/**
 * The events of one ad transaction, modelled on the seed platform's load scenario: a bid with its
 * price, then for a share of bids an impression at that price, then for a share of impressions a
 * click, all with the same `tx_id`. Whether a bid wins depends on its price and its domain (a higher
 * bid wins more often, some domains are contested), so the bid-win model has something real to learn.
 *
 * @example
 * planTransaction(campaign, 'tx-1', 'user-1', Math.random)
 * // [{ delayMs: 0, path: '/bid', body: {...} }, { delayMs: 180, path: '/impression', ... }]
 */
export function planTransaction(
  campaign: DemoCampaign,
  txId: string,
  appUid: string,
  random: () => number,
): PlannedEvent[] {
  const creative = pick(campaign.creatives, random);
  const domain = pick(campaign.domains, random);
  const price = 1 + Math.floor(random() * 2000);
  const bid = {
    tx_id: txId,
    app_uid: appUid,
    campaign_item_id: campaign.campaignItemId,
    domain,
    creative_id: creative.id,
    creative_category: creative.category,
    win_price: price,
  };
  const events: PlannedEvent[] = [{ delayMs: 0, path: '/bid', body: bid }];
  if (random() >= winProbability(campaign.winRate, price, domain)) return events;
  const impressionDelay = 50 + Math.floor(random() * 450);
  events.push({ delayMs: impressionDelay, path: '/impression', body: { tx_id: txId, win_price: price } });
  if (random() >= campaign.clickThroughRate) return events;
  events.push({ delayMs: impressionDelay + 500 + Math.floor(random() * 4500), path: '/click', body: { tx_id: txId } });
  return events;
}

/** How contested each demo domain is: added to the win log-odds. */
const DOMAIN_EFFECT: Record<string, number> = {
  'www.google.com': -1,
  'news.example.com': 0.4,
  'weather.example.net': 0.8,
  'recipes.example.org': 0,
  'games.example.io': -0.5,
  'sports.example.com': 0.2,
};

/** The chance a bid wins: the campaign's base odds, +1.2 log-odds per e-fold of price over 500, the domain's effect. */
export function winProbability(baseRate: number, price: number, domain: string): number {
  const logOdds =
    Math.log(baseRate / (1 - baseRate)) + 1.2 * (Math.log1p(price) - Math.log1p(500)) + (DOMAIN_EFFECT[domain] ?? 0);
  return 1 / (1 + Math.exp(-logOdds));
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}
