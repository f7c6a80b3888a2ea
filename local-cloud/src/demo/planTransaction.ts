/** One campaign of the demo traffic, with the odds that shape its funnel. */
export interface DemoCampaign {
  campaignItemId: number;
  /** Share of bids that win (become impressions) */
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
 * The events of one ad transaction, modelled on the seed platform's load scenario: a bid, then for
 * a share of bids an impression with the winning price, then for a share of impressions a click,
 * all with the same `tx_id`.
 *
 * @example
 * planTransaction(campaign, 'tx-1', 'user-1', Math.random)
 * // [{ delayMs: 0, path: '/bid', body: {...} }, { delayMs: 180, path: '/impression', ... }]
 */
export function planTransaction(campaign: DemoCampaign, txId: string, appUid: string, random: () => number): PlannedEvent[] {
  const creative = pick(campaign.creatives, random);
  const bid = {
    tx_id: txId,
    app_uid: appUid,
    campaign_item_id: campaign.campaignItemId,
    domain: pick(campaign.domains, random),
    creative_id: creative.id,
    creative_category: creative.category,
  };
  const events: PlannedEvent[] = [{ delayMs: 0, path: '/bid', body: bid }];
  if (random() >= campaign.winRate) return events;
  const impressionDelay = 50 + Math.floor(random() * 450);
  events.push({ delayMs: impressionDelay, path: '/impression', body: { tx_id: txId, win_price: 1 + Math.floor(random() * 2000) } });
  if (random() >= campaign.clickThroughRate) return events;
  events.push({ delayMs: impressionDelay + 500 + Math.floor(random() * 4500), path: '/click', body: { tx_id: txId } });
  return events;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}
