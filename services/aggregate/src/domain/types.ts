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

/** The tumbling event-time window an event falls in. */
export interface WindowBounds {
  /** ISO 8601 UTC with milliseconds, e.g. `2026-11-22T04:05:00.000Z` */
  windowStart: string;
  windowEnd: string;
  /** `YYYY-MM-DD` of `windowStart`, in UTC */
  windowDay: string;
}

/** What a set of events adds to a window. */
export interface WindowIncrements {
  bids: number;
  impressions: number;
  clicks: number;
  spend: number;
}

/** One valid event with where it came from; `paddedSequence` compares as a number. */
export interface CountableRecord {
  sequenceNumber: string;
  paddedSequence: string;
  event: EnrichedEvent;
}

/** The records of one batch that fall in one window of one campaign, from one shard, in stream order. */
export interface WindowGroup extends WindowBounds {
  campaignItemId: number;
  shardId: string;
  periodMinutes: number;
  records: CountableRecord[];
}

/** Identifies one item of the aggregations table and the shard whose progress it tracks. */
export interface WindowKey {
  campaignItemId: number;
  windowStart: string;
  shardId: string;
}

/** An atomic `ADD` of increments to one window that also moves its shard's applied sequence number. */
export interface WindowUpdate extends WindowKey {
  windowEnd: string;
  windowDay: string;
  periodMinutes: number;
  increments: WindowIncrements;
  /** Padded sequence number of the last record counted by this update. */
  appliedThrough: string;
  /** ISO 8601 time of the update */
  updatedAt: string;
}

/**
 * When an update may apply, on the shard's applied sequence number (padded; absent when this shard
 * never counted anything in the window): `below` = absent or less than the given value (fast path);
 * `equals` = exactly what was read, `undefined` meaning still absent (slow path).
 */
export type AppliedCondition = { below: string } | { equals: string | undefined };

/**
 * The aggregations table as the algorithm needs it. Implemented by `dynamoDbWindowTable`; unit
 * tests use an in-memory fake with the same conditional semantics.
 */
export interface WindowTable {
  /** Applies the update only if the condition holds; `false` when it did not (nothing changed). */
  addIfApplied(update: WindowUpdate, condition: AppliedCondition): Promise<boolean>;
  /** The shard's applied sequence number (padded), read strongly consistently; `undefined` when absent. */
  readApplied(key: WindowKey): Promise<string | undefined>;
}

/** How one window group ended. `counted` + `duplicates` = the group's records. */
export type GroupOutcome =
  | { group: WindowGroup; ok: true; path: 'fast' | 'slow'; counted: number; duplicates: number }
  | { group: WindowGroup; ok: false; error: unknown };

/** What a batch did, for the Lambda response and for logs. */
export interface BatchOutcome {
  batchItemFailures: { itemIdentifier: string }[];
  /** Records counted now */
  counted: number;
  /** Records already counted by an earlier delivery, skipped */
  duplicates: number;
  /** Records that are not a valid `EnrichedEvent` of a known schema version, skipped */
  invalid: number;
  /** Records of groups whose update failed (reported for re-delivery) */
  failed: number;
}
