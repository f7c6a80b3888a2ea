import { QueryReader, type QueryParameters } from '@sdp/shared-http';
import { DEFAULT_PERIOD } from './constants.js';
import { parseCampaignItemId } from './parseCampaignItemId.js';
import { readPeriodQuery } from './readPeriodQuery.js';
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
  const bucketing = readPeriodQuery(query, DEFAULT_PERIOD, now);
  query.finish();
  return { campaignItemId, ...bucketing };
}
