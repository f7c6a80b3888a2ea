import { DEFAULT_PERIOD, DEFAULT_TIME_ZONE, PERIODS } from './constants.js';
import { parseCampaignItemId } from './parseCampaignItemId.js';
import { EARLIEST_INSTANT, QueryReader, type QueryParameters } from '@sdp/shared';
import type { PeriodReportRequest } from './types.js';

/**
 * Checks a `GET /reports/campaigns/{campaign_item_id}/period` request and applies the defaults:
 * `period=day`, `timezone=UTC`, `from` the Unix epoch, `to` now, `desc=true`.
 *
 * @example
 * parsePeriodReportRequest({ campaignItemId: '7', query: { period: 'hour', timezone: 'Europe/Paris' } }, now)
 * // { campaignItemId: 7, period: 'hour', timeZone: 'Europe/Paris', from: 1970-01-01T00:00:00.000Z, to: now, desc: true }
 */
export function parsePeriodReportRequest(
  request: { campaignItemId: string | undefined; query?: QueryParameters },
  now: Date,
): PeriodReportRequest {
  const campaignItemId = parseCampaignItemId(request.campaignItemId);
  const query = new QueryReader(request.query);
  const period = query.oneOf('period', PERIODS, DEFAULT_PERIOD);
  const timeZone = query.timeZone('timezone', DEFAULT_TIME_ZONE);
  const from = query.instant('from', EARLIEST_INSTANT);
  const to = query.instant('to', now);
  const desc = query.boolean('desc', true);
  if (query.isValid('from', 'to') && from >= to) {
    query.addProblem(`from must be before to; got from ${from.toISOString()} and to ${to.toISOString()}.`);
  }
  query.finish();
  return { campaignItemId, period, timeZone, from, to, desc };
}
