import { ApiError } from '@sdp/shared-http';
import type { CampaignWindow } from '../../src/domain/types.js';

/** A stored window of campaign 7 starting at `windowStart`, with no counts unless given. */
export function windowAt(
  windowStart: string,
  counts: Partial<Omit<CampaignWindow, 'windowStart'>> = {},
): CampaignWindow {
  return {
    campaignItemId: 7,
    windowStart: new Date(windowStart),
    bids: 0,
    impressions: 0,
    clicks: 0,
    spend: 0,
    ...counts,
  };
}

/** What a client learns from the error `act` throws: its name, status, code and message. */
export function errorOf(
  act: () => unknown,
): { name: string; statusCode: number; code: string; message: string } | undefined {
  try {
    act();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { name: error.name, statusCode: error.statusCode, code: error.code, message: error.message };
  }
  return undefined;
}

/** An `InvalidRequestError` as `errorOf` reports it. */
export function invalidRequest(message: string) {
  return { name: 'InvalidRequestError', statusCode: 400, code: 'invalid_request', message };
}
