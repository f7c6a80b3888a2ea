import { InvalidRequestError } from '@sdp/shared-http';
import { MAX_CAMPAIGN_ITEM_ID } from './constants.js';

/**
 * The campaign id of a report path, which must be a whole number from 0 to 2^53 - 1 (the contract's
 * `CampaignItemId`), written with digits only.
 *
 * @example
 * parseCampaignItemId('1463517') // 1463517
 * parseCampaignItemId('-1') // throws InvalidRequestError
 */
export function parseCampaignItemId(raw: string | undefined): number {
  const id = raw !== undefined && /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (id <= MAX_CAMPAIGN_ITEM_ID) return id;
  throw new InvalidRequestError(
    `campaign_item_id in the path must be a whole number from 0 to ${MAX_CAMPAIGN_ITEM_ID}; got '${raw ?? ''}'.`,
  );
}
