import type { CampaignSeries, PeriodReport } from './types.js';

const MINUTE_MS = 60_000;

/**
 * Turns per-minute period reports (one per campaign, in rank order) into aligned series over the
 * minutes that start within [`from`, `to`), a minute without a bucket counting 0. Minutes before the
 * first one with any count are left out, so a platform that started ten minutes ago fills the chart,
 * but at least `minMinutes` are kept (when the range has them), so a first minute of data is a line
 * from zero rather than a lone point.
 *
 * @example
 * toCampaignSeries([report1463517, report1463520], { from, to }, 10)
 * // { minutes: [1795327080, …], campaigns: [1463517, 1463520], bids: [[3, 5, …], [0, 2, …]], … }
 */
export function toCampaignSeries(
  reports: readonly PeriodReport[],
  range: { from: Date; to: Date },
  minMinutes: number,
): CampaignSeries {
  const first = Math.ceil(range.from.getTime() / MINUTE_MS);
  const last = Math.ceil(range.to.getTime() / MINUTE_MS) - 1;
  const counted = reports
    .flatMap((report) =>
      report.buckets.filter((b) => b.bids + b.impressions + b.clicks > 0).map((b) => Date.parse(b.period ?? '')),
    )
    .filter(Number.isFinite);
  const firstCounted = counted.length === 0 ? last + 1 : Math.ceil(Math.min(...counted) / MINUTE_MS);
  const start = Math.max(first, Math.min(firstCounted, last - minMinutes + 1));
  const minutes = Array.from({ length: Math.max(0, last - start + 1) }, (_, i) => (start + i) * 60);
  const series = reports.map((report) => {
    const byMinute = new Map(
      report.buckets.map((bucket) => [Math.floor(Date.parse(bucket.period ?? '') / 1000), bucket]),
    );
    const valuesOf = (count: 'bids' | 'impressions' | 'clicks') =>
      minutes.map((minute) => byMinute.get(minute)?.[count] ?? 0);
    return { bids: valuesOf('bids'), impressions: valuesOf('impressions'), clicks: valuesOf('clicks') };
  });
  return {
    minutes,
    campaigns: reports.map((report) => report.campaign_item_id),
    bids: series.map((s) => s.bids),
    impressions: series.map((s) => s.impressions),
    clicks: series.map((s) => s.clicks),
  };
}
