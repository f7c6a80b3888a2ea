import type { Aggregation, PeriodReport } from '../../src/domain/types.js';

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
