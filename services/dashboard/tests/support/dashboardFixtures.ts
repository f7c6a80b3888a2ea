import type { Aggregation, PeriodReport, PriceChange, PriceHold } from '../../src/domain/types.js';

/** Totals of a campaign, zeros unless given; rates as the report API derives them. */
export function aggregationOf(
  campaignItemId: number,
  counts: Partial<Pick<Aggregation, 'bids' | 'impressions' | 'clicks' | 'spend' | 'period'>> = {},
): Aggregation {
  const { bids = 0, impressions = 0, clicks = 0, spend = 0 } = counts;
  return {
    campaign_item_id: campaignItemId,
    ...(counts.period === undefined ? {} : { period: counts.period }),
    bids,
    impressions,
    clicks,
    spend,
    ctr: impressions === 0 ? 0 : clicks / impressions,
    win_rate: bids === 0 ? 0 : impressions / bids,
  };
}

/** A per-minute UTC report of a campaign with a bucket per `minute: bids` entry (impressions = bids / 2, one click if any bid). */
export function minuteReportOf(campaignItemId: number, bidsByMinute: Record<string, number>): PeriodReport {
  return {
    campaign_item_id: campaignItemId,
    period: 'minute',
    timezone: 'UTC',
    from: '2026-11-22T05:00:30.000Z',
    to: '2026-11-22T06:00:30.000Z',
    desc: false,
    buckets: Object.entries(bidsByMinute).map(([minute, bids]) =>
      aggregationOf(campaignItemId, {
        period: `2026-11-22T${minute}:00+00:00`,
        bids,
        impressions: bids / 2,
        clicks: bids > 0 ? 1 : 0,
      }),
    ),
  };
}

/** The demand a price move answered; the panel shows none of it. */
function demandOf(productId: string, priceCents: number): PriceChange['features'] {
  return {
    product_id: productId,
    features_version: 1,
    as_of: '2026-12-07T06:00:00.000Z',
    recent_minutes: 15,
    views: 60,
    carts: 4,
    purchases: 1,
    baseline_views: 5,
    baseline_carts: 0.5,
    baseline_purchases: 0.1,
    ordered_units: 3,
    price_cents: priceCents,
    category: 'running',
  };
}

/** A price change dynamic pricing made at `at` (ISO 8601), with the percent the pricing service rounds. */
export function priceChangeOf(
  productId: string,
  at: string,
  oldPriceCents: number,
  newPriceCents: number,
): PriceChange {
  const changePercent = Math.round(((newPriceCents - oldPriceCents) / oldPriceCents) * 10_000) / 100;
  return {
    product_id: productId,
    changed_at: at,
    old_price_cents: oldPriceCents,
    new_price_cents: newPriceCents,
    change_percent: changePercent,
    reason: `demand model: ${changePercent} %`,
    model_version: 'demand-3',
    surge_probability: 0.93,
    features: demandOf(productId, oldPriceCents),
  };
}

/** A move the plausibility guards held at `at`: `priceCents` stayed, `wantedPriceCents` was not set. */
export function priceHoldOf(productId: string, at: string, priceCents: number, wantedPriceCents: number): PriceHold {
  return {
    product_id: productId,
    held_at: at,
    kind: 'implausible_demand',
    reason: 'implausible demand: 60 carts against 0 views in the last 5 min, above the cap of 1 per view',
    price_cents: priceCents,
    wanted_price_cents: wantedPriceCents,
    model_version: 'demand-3',
    surge_probability: 0.89,
    features: demandOf(productId, priceCents),
  };
}
