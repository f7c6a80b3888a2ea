import { parseCampaignItemId } from './parseCampaignItemId.js';
import { QueryReader, type QueryParameters } from '@sdp/shared-http';

/**
 * Checks a `GET /reports/campaigns/{campaign_item_id}` request: a valid id and no query parameters.
 *
 * @example
 * parseCampaignReportRequest({ campaignItemId: '7' }) // { campaignItemId: 7 }
 * parseCampaignReportRequest({ campaignItemId: 'abc' }) // throws InvalidRequestError
 */
export function parseCampaignReportRequest(request: { campaignItemId: string | undefined; query?: QueryParameters }): {
  campaignItemId: number;
} {
  const campaignItemId = parseCampaignItemId(request.campaignItemId);
  new QueryReader(request.query).finish();
  return { campaignItemId };
}
