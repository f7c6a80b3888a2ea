import { LEGACY_COPY } from '@sdp/shared-streams';
import { enrichedFromBid } from './enrichedFromBid.js';
import { transactionKeyOf } from './transactionKeyOf.js';
import type { EmittedCopies, EnrichedEvent, EventEnvelope, JoinSettings, JoinState, StoredBid } from './types.js';

export interface Transition {
  state: JoinState;
  /** What to write to the enriched stream, in order */
  emit: EnrichedEvent[];
}

/**
 * Applies one raw event to its transaction's join state (a transaction is a `tx_id` within the
 * sender's tenant: `transactionKeyOf`). Joins are decided on event time (ingest
 * `received_at`) alone, so the outcome does not depend on arrival order or processing delays:
 * - a bid is emitted once; an impression joins the bid when their event times are at most the bids
 *   session timeout apart, a click joins the joined impression within the clicks session timeout,
 *   whichever side arrives first;
 * - the first event of each type in stream order wins: an event of a type the state already has is
 *   either that event again (same `event_id`: a re-delivery) or a copy (another `event_id`), and
 *   either way the state is returned unchanged (the same object) and nothing is emitted;
 * - an impression or click left unjoined stays in the state as an orphan candidate;
 * - an event ingest marked as bot traffic is joined as any other, and its enriched event carries
 *   the mark, so the aggregate leaves it out of campaign windows (ADR 24).
 * A changed state always has `emitted`; the refs of this emission are named by the caller once the
 * enriched stream has answered (`nameEmittedCopies`).
 *
 * @example
 * applyEvent(undefined, bidEnvelope, settings) // { state: { bid: {...}, emitted: {}, ... }, emit: [{ type: 'bid', ... }] }
 */
export function applyEvent(
  current: JoinState | undefined,
  envelope: EventEnvelope,
  settings: JoinSettings,
): Transition {
  if (current?.[envelope.type]) return { state: current, emit: [] };

  const txId = envelope.data.tx_id;
  const { tenant } = envelope;
  const state: JoinState = current
    ? { ...current, emitted: current.emitted ?? emittedBeforeCopiesWereNamed(current) }
    : {
        tx_id: transactionKeyOf({ tenant, tx_id: txId }),
        ...(tenant === undefined ? {} : { tenant }),
        version: 0,
        emitted: {},
        expires_at: 0,
      };
  const emit: EnrichedEvent[] = [];
  const eventTime = envelope.received_at;
  const bot = envelope.bot ? ({ bot: true } as const) : {};

  if (envelope.type === 'bid') {
    const data = envelope.data as {
      app_uid: string;
      campaign_item_id: number;
      domain?: string;
      creative_id?: string;
      creative_category?: string;
    };
    state.bid = withoutUndefined<StoredBid>({
      event_id: envelope.event_id,
      event_time: eventTime,
      app_uid: data.app_uid,
      campaign_item_id: data.campaign_item_id,
      domain: data.domain,
      creative_id: data.creative_id,
      creative_category: data.creative_category,
      ...bot,
    });
    emit.push(
      enrichedFromBid(txId, tenant, state.bid, {
        type: 'bid',
        event_id: envelope.event_id,
        event_time: eventTime,
        ...bot,
      }),
    );
  } else if (envelope.type === 'imp') {
    const { win_price } = envelope.data as { win_price: number };
    state.imp = { event_id: envelope.event_id, event_time: eventTime, win_price, joined: false, ...bot };
  } else state.click = { event_id: envelope.event_id, event_time: eventTime, joined: false, ...bot };

  const { bid, imp, click } = state;
  if (bid && imp && !imp.joined && within(bid.event_time, imp.event_time, settings.bidsSessionTimeoutMs)) {
    state.imp = { ...imp, joined: true };
    emit.push(
      enrichedFromBid(txId, tenant, bid, {
        type: 'imp',
        event_id: imp.event_id,
        event_time: imp.event_time,
        win_price: imp.win_price,
        ...(imp.bot ? { bot: imp.bot } : {}),
      }),
    );
  }
  const joinedImp = state.imp?.joined ? state.imp : undefined;
  if (
    bid &&
    joinedImp &&
    click &&
    !click.joined &&
    within(joinedImp.event_time, click.event_time, settings.clicksSessionTimeoutMs)
  ) {
    state.click = { ...click, joined: true };
    emit.push(
      enrichedFromBid(txId, tenant, bid, {
        type: 'click',
        event_id: click.event_id,
        event_time: click.event_time,
        win_price: joinedImp.win_price,
        ...(click.bot ? { bot: click.bot } : {}),
      }),
    );
  }

  state.expires_at = Math.max(state.expires_at, Math.ceil((Date.parse(eventTime) + settings.stateRetentionMs) / 1000));
  return { state, emit };
}

/**
 * What a state stored by the version before copies were named had emitted: its bid, and its
 * impression and click once joined. Their copies were counted then, so each is marked `LEGACY_COPY`,
 * which a reader tells apart from "not emitted yet".
 */
function emittedBeforeCopiesWereNamed(state: JoinState): EmittedCopies {
  return {
    ...(state.bid ? { bid: LEGACY_COPY } : {}),
    ...(state.imp?.joined ? { imp: LEGACY_COPY } : {}),
    ...(state.click?.joined ? { click: LEGACY_COPY } : {}),
  };
}

function within(a: string, b: string, toleranceMs: number): boolean {
  return Math.abs(Date.parse(a) - Date.parse(b)) <= toleranceMs;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
