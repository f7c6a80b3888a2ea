import type { components } from '@sdp/shared-contract';
import type { CopyRef } from '@sdp/shared-streams';

export type EventEnvelope = components['schemas']['EventEnvelope'];
export type EnrichedEvent = components['schemas']['EnrichedEvent'];
export type Bid = components['schemas']['Bid'];
export type EventType = components['schemas']['EventType'];

/** How far apart (event time) the two sides of a join may be. */
export interface JoinSettings {
  /** Bid ↔ impression; the seed's bids session timeout */
  bidsSessionTimeoutMs: number;
  /** Joined impression ↔ click; the seed's clicks session timeout */
  clicksSessionTimeoutMs: number;
  /**
   * How long a transaction's state is kept after its latest event (copies later than that count as
   * new); at least 48 hours, since aggregate reads `emitted` for copies up to that late
   */
  stateRetentionMs: number;
}

export interface StoredBid {
  event_id: string;
  event_time: string;
  app_uid: string;
  campaign_item_id: number;
  domain?: string;
  creative_id?: string;
  creative_category?: string;
  /** Ingest marked the event as bot traffic (ADR 24) */
  bot?: true;
}

export interface StoredImpression {
  event_id: string;
  event_time: string;
  win_price: number;
  joined: boolean;
  bot?: true;
}

export interface StoredClick {
  event_id: string;
  event_time: string;
  joined: boolean;
  bot?: true;
}

/**
 * Per event type, the enriched record that is THE copy of the event the transaction emitted: the
 * `<shardId>:<sequenceNumber>` the enriched stream answered for the emission that the stored state
 * records, or `LEGACY_COPY` for an event emitted before copies were named. Set by the save that
 * stores the emission, never changed afterwards. In a stored state, a type without an entry was not
 * emitted.
 */
export type EmittedCopies = Partial<Record<EventType, CopyRef>>;

/**
 * Everything enrich remembers about one transaction: the first bid, impression and click it saw
 * (in stream order), whether each was joined, and which enriched record is the copy of each
 * emitted event. The stored `event_id` of each type is the transaction's identity of that event:
 * a later event of a stored type is the same event again or a copy, and changes nothing.
 */
export interface JoinState {
  /** The transaction's key (`transactionKeyOf`): `<tenant>/<tx_id>`, the table's partition key */
  tx_id: string;
  /** The tenant that sent the transaction's events; absent on states of events sent before tenants were stamped */
  tenant?: string;
  /** Optimistic-concurrency version; 0 for a state not stored yet */
  version: number;
  bid?: StoredBid;
  imp?: StoredImpression;
  click?: StoredClick;
  /**
   * Absent only on a state stored by the version before copies were named; every state enrich
   * changes gets it (with `LEGACY_COPY` for what such a state had emitted already).
   */
  emitted?: EmittedCopies;
  /** Epoch seconds after which the state may be deleted (DynamoDB TTL) */
  expires_at: number;
}

/** A checked `GET /orphans` request: event times in [`from`, `to`), at most `limit` tx_ids per type. */
export interface OrphanRequest {
  from: Date;
  to: Date;
  limit: number;
}

/** A half-open range of event times, [`from`, `to`). */
export interface EventTimeRange {
  from: Date;
  to: Date;
}

/** How many unjoined events of one type lie in a range, and the first `limit` of their tx_ids. */
export interface PendingSample {
  count: number;
  tx_ids: string[];
}

export type OrphanReport = components['schemas']['OrphanReport'];
