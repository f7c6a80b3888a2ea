import type { components } from '@sdp/shared';

export type EventEnvelope = components['schemas']['EventEnvelope'];
export type EnrichedEvent = components['schemas']['EnrichedEvent'];
export type Bid = components['schemas']['Bid'];

/** How far apart (event time) the two sides of a join may be. */
export interface JoinSettings {
  /** Bid ↔ impression; the seed's bids session timeout */
  bidsSessionTimeoutMs: number;
  /** Joined impression ↔ click; the seed's clicks session timeout */
  clicksSessionTimeoutMs: number;
  /** How long a transaction's state is kept after its latest event (duplicates later than that count as new) */
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
}

export interface StoredImpression {
  event_id: string;
  event_time: string;
  win_price: number;
  joined: boolean;
}

export interface StoredClick {
  event_id: string;
  event_time: string;
  joined: boolean;
}

/**
 * Everything enrich remembers about one transaction: the first bid, impression and click it saw
 * (in stream order), whether each was joined, and every event id already applied.
 */
export interface JoinState {
  tx_id: string;
  /** Optimistic-concurrency version; 0 for a state not stored yet */
  version: number;
  bid?: StoredBid;
  imp?: StoredImpression;
  click?: StoredClick;
  /** Event ids applied to this state, so a re-delivered event changes nothing */
  seen: string[];
  /** Events of a type this transaction already had (a second bid, impression or click) */
  duplicates: number;
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
