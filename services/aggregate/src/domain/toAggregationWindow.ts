import type { AggregationWindow } from './types.js';

/**
 * The published shape of a stored window item (already converted from DynamoDB's attribute values):
 * only the `AggregationWindow` contract fields, so the bookkeeping (`window_day`, `period_minutes`,
 * and any attribute added later) stays inside the service.
 *
 * @example
 * toAggregationWindow({ campaign_item_id: 7, window_start: '…', bids: 3, window_day: '2026-11-22', period_minutes: 1, ... })
 * // { campaign_item_id: 7, window_start: '…', window_end: '…', bids: 3, impressions: 0, clicks: 0, spend: 0, updated_at: '…' }
 */
export function toAggregationWindow(item: Record<string, unknown>): AggregationWindow {
  return {
    campaign_item_id: item.campaign_item_id as number,
    window_start: item.window_start as string,
    window_end: item.window_end as string,
    bids: (item.bids as number | undefined) ?? 0,
    impressions: (item.impressions as number | undefined) ?? 0,
    clicks: (item.clicks as number | undefined) ?? 0,
    spend: (item.spend as number | undefined) ?? 0,
    updated_at: item.updated_at as string,
  };
}
