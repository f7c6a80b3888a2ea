import { isWithin } from './isWithin.js';
import { regroupWindows } from './regroupWindows.js';
import type { CampaignWindow, PeriodReport, PeriodReportRequest } from './types.js';

/**
 * The `PeriodReport` body for a request and the campaign's windows: only windows starting within
 * [`from`, `to`) are counted, whatever the caller passed in.
 *
 * @example
 * buildPeriodReport(request, windows)
 * // { campaign_item_id: 7, period: 'day', timezone: 'UTC', from: '1970-01-01T00:00:00.000Z', to: '…', desc: true, buckets: [...] }
 */
export function buildPeriodReport(request: PeriodReportRequest, windows: readonly CampaignWindow[]): PeriodReport {
  const { campaignItemId, period, timeZone, from, to, desc } = request;
  const inRange = windows.filter(
    (window) => window.campaignItemId === campaignItemId && isWithin(window.windowStart, request),
  );
  return {
    campaign_item_id: campaignItemId,
    period,
    timezone: timeZone,
    from: from.toISOString(),
    to: to.toISOString(),
    desc,
    buckets: regroupWindows(inRange, { campaignItemId, period, timeZone, desc }),
  };
}
