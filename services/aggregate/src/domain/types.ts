import type { FailureReason, RecordRejection, WindowBounds } from '@sdp/shared';
import type { components } from '@sdp/shared';

export type EnrichedEvent = components['schemas']['EnrichedEvent'];
export type AggregationWindow = components['schemas']['AggregationWindow'];

/** One record of the enriched events stream, as the function receives it. */
export interface SourceRecord {
  shardId: string;
  /** Kinesis sequence number, exactly as delivered (it is also the batch item identifier). */
  sequenceNumber: string;
  /** The record's data, decoded as UTF-8. */
  data: string;
}

/** What a set of events adds to a window. */
export interface WindowIncrements {
  bids: number;
  impressions: number;
  clicks: number;
  spend: number;
}

/** One valid event with the record it came in and the key of the logical event it is (see `eventKeyOf`). */
export interface CountableRecord {
  sequenceNumber: string;
  eventKey: string;
  event: EnrichedEvent;
}

/** The records of one batch that fall in one window of one campaign, in batch order. */
export interface WindowGroup extends WindowBounds {
  campaignItemId: number;
  periodMinutes: number;
  records: CountableRecord[];
}

/**
 * One all-or-nothing write: claim every event key (each at most once, ever) and `ADD` the
 * increments of exactly those events to the window.
 */
export interface WindowCount extends WindowBounds {
  campaignItemId: number;
  periodMinutes: number;
  /** Keys of the logical events counted, distinct, at most `EVENTS_PER_TRANSACTION` */
  eventKeys: string[];
  increments: WindowIncrements;
  /** When the claims may be forgotten, in Unix seconds (the TTL of the counted events table) */
  expiresAt: number;
  /** ISO 8601 time of the update */
  updatedAt: string;
}

/**
 * The aggregations table and the counted events table as the algorithm needs them. Implemented
 * by `dynamoDbWindowCounter`; unit tests use an in-memory fake with the same transaction semantics.
 */
export interface WindowCounter {
  /**
   * Applies the count in one transaction, unless some of its event keys were claimed before: then
   * nothing changes and those keys come back. Resolves `{ alreadyCounted: [] }` when it applied;
   * rejects on any other failure (throttling, network, a conflicting transaction).
   */
  countOnce(count: WindowCount): Promise<{ alreadyCounted: string[] }>;
}

/** How one window group ended. `counted` + `duplicates` = the group's records. */
export type GroupOutcome =
  | { group: WindowGroup; ok: true; counted: number; duplicates: number }
  | { group: WindowGroup; ok: false; error: unknown };

/** What a batch did, for the Lambda response and for logs. */
export interface BatchOutcome {
  batchItemFailures: { itemIdentifier: string }[];
  /** Records counted now */
  counted: number;
  /** Records of logical events already counted (by an earlier delivery, an earlier copy or a copy in this batch), skipped */
  duplicates: number;
  /** Records that are not a valid `EnrichedEvent` of a known schema version, skipped */
  invalid: number;
  /** Records of groups whose count failed (reported for re-delivery) */
  failed: number;
  /** The invalid records with why, for the failed-events store */
  rejected: RecordRejection[];
  /** Why the first failed group failed */
  failure?: FailureReason;
}
