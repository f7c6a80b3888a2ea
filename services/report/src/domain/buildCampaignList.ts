import { isWithin } from './isWithin.js';
import { rankCampaigns } from './rankCampaigns.js';
import type { CampaignList, CampaignListRequest, CampaignWindow } from './types.js';

/**
 * The `CampaignList` body for a request and every campaign's windows: only windows starting within
 * [`from`, `to`) are counted, so a campaign appears only if one of its windows starts in the range.
 *
 * @example
 * buildCampaignList({ from, to, sort: 'clicks', desc: true, limit: 10 }, windows)
 * // { from: '…', to: '…', sort: 'clicks', desc: true, campaigns: [...] }
 */
export function buildCampaignList(request: CampaignListRequest, windows: readonly CampaignWindow[]): CampaignList {
  const { from, to, sort, desc, limit } = request;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    sort,
    desc,
    campaigns: rankCampaigns(
      windows.filter((window) => isWithin(window.windowStart, request)),
      { sort, desc, limit },
    ),
  };
}
