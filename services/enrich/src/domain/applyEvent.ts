import { enrichedFromBid } from './enrichedFromBid.js';
import type { EnrichedEvent, EventEnvelope, JoinSettings, JoinState, StoredBid } from './types.js';

export interface Transition {
  state: JoinState;
  /** What to write to the enriched stream, in order */
  emit: EnrichedEvent[];
}

/**
 * Applies one raw event to its transaction's join state. Joins are decided on event time (ingest
 * `received_at`) alone, so the outcome does not depend on arrival order or processing delays:
 * - a bid is emitted once; an impression joins the bid when their event times are at most the bids
 *   session timeout apart, a click joins the joined impression within the clicks session timeout,
 *   whichever side arrives first;
 * - the first event of each type in stream order wins: a re-delivered event (same `event_id`)
 *   changes nothing, and a second bid, impression or click of the transaction is a duplicate that is
 *   counted in `duplicates` and otherwise ignored;
 * - an impression or click left unjoined stays in the state as an orphan candidate.
 *
 * @example
 * applyEvent(undefined, bidEnvelope, settings) // { state: { bid: {...}, seen: [id] , ...}, emit: [{ type: 'bid', ... }] }
 */
export function applyEvent(current: JoinState | undefined, envelope: EventEnvelope, settings: JoinSettings): Transition {
  const txId = envelope.data.tx_id;
  const base: JoinState = current ?? { tx_id: txId, version: 0, seen: [], duplicates: 0, expires_at: 0 };
  if (base.seen.includes(envelope.event_id)) return { state: base, emit: [] };

  const state: JoinState = { ...base, seen: [...base.seen, envelope.event_id] };
  const emit: EnrichedEvent[] = [];
  const eventTime = envelope.received_at;

  if (envelope.type === 'bid') {
    if (state.bid) state.duplicates++;
    else {
      const data = envelope.data as { app_uid: string; campaign_item_id: number; domain?: string; creative_id?: string; creative_category?: string };
      state.bid = withoutUndefined<StoredBid>({
        event_id: envelope.event_id,
        event_time: eventTime,
        app_uid: data.app_uid,
        campaign_item_id: data.campaign_item_id,
        domain: data.domain,
        creative_id: data.creative_id,
        creative_category: data.creative_category,
      });
      emit.push(enrichedFromBid(txId, state.bid, { type: 'bid', event_id: envelope.event_id, event_time: eventTime }));
    }
  } else if (envelope.type === 'imp') {
    if (state.imp) state.duplicates++;
    else {
      const { win_price } = envelope.data as { win_price: number };
      state.imp = { event_id: envelope.event_id, event_time: eventTime, win_price, joined: false };
    }
  } else if (state.click) state.duplicates++;
  else state.click = { event_id: envelope.event_id, event_time: eventTime, joined: false };

  const { bid, imp, click } = state;
  if (bid && imp && !imp.joined && within(bid.event_time, imp.event_time, settings.bidsSessionTimeoutMs)) {
    state.imp = { ...imp, joined: true };
    emit.push(enrichedFromBid(txId, bid, { type: 'imp', event_id: imp.event_id, event_time: imp.event_time, win_price: imp.win_price }));
  }
  const joinedImp = state.imp?.joined ? state.imp : undefined;
  if (bid && joinedImp && click && !click.joined && within(joinedImp.event_time, click.event_time, settings.clicksSessionTimeoutMs)) {
    state.click = { ...click, joined: true };
    emit.push(
      enrichedFromBid(txId, bid, { type: 'click', event_id: click.event_id, event_time: click.event_time, win_price: joinedImp.win_price }),
    );
  }

  state.expires_at = Math.max(state.expires_at, Math.ceil((Date.parse(eventTime) + settings.stateRetentionMs) / 1000));
  return { state, emit };
}

function within(a: string, b: string, toleranceMs: number): boolean {
  return Math.abs(Date.parse(a) - Date.parse(b)) <= toleranceMs;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
