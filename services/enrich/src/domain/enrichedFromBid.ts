import type { EnrichedEvent, StoredBid } from './types.js';

/**
 * An enriched event: the bid's fields, with the id, time and price of the event it stands for, and
 * that event's own bot mark (ADR 24).
 */
export function enrichedFromBid(
  txId: string,
  tenant: string | undefined,
  bid: StoredBid,
  event: { type: EnrichedEvent['type']; event_id: string; event_time: string; win_price?: number; bot?: true },
): EnrichedEvent {
  const { app_uid, campaign_item_id, domain, creative_id, creative_category } = bid;
  return {
    schema_version: 1,
    type: event.type,
    event_id: event.event_id,
    event_time: event.event_time,
    tx_id: txId,
    ...(tenant === undefined ? {} : { tenant }),
    app_uid,
    campaign_item_id,
    ...(domain === undefined ? {} : { domain }),
    ...(creative_id === undefined ? {} : { creative_id }),
    ...(creative_category === undefined ? {} : { creative_category }),
    ...(event.win_price === undefined ? {} : { win_price: event.win_price }),
    ...(event.bot ? { bot: true } : {}),
  };
}
