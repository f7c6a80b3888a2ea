import type { EmittedCopies } from '@sdp/enrich';
import type { GroupCount, Positioned, WindowBounds } from '@sdp/shared-streams';
import type { components } from '@sdp/shared-contract';

export type EnrichedEvent = components['schemas']['EnrichedEvent'];
export type AggregationWindow = components['schemas']['AggregationWindow'];

/** What a set of events adds to a window. */
export interface WindowIncrements {
  bids: number;
  impressions: number;
  clicks: number;
  spend: number;
}

/** One campaign's event-time window. */
export interface CampaignWindow extends WindowBounds {
  campaignItemId: number;
  periodMinutes: number;
}

/** Which enriched record enrich named as the counted copy of each event type of one transaction (enrich's schema). */
export type { EmittedCopies } from '@sdp/enrich';

/**
 * Enrich's join state as aggregate reads it: per transaction, the counted copy of each emitted
 * event (docs/adr/0019-counting-per-batch.md). Transactions without a stored state are absent.
 */
export interface CanonicalCopies {
  load(txIds: readonly string[]): Promise<Map<string, EmittedCopies>>;
}

/**
 * The aggregations table as the algorithm needs it. Implemented by `dynamoDbWindowCounter`; unit
 * tests use an in-memory fake with the same positional semantics.
 */
export interface WindowCounter {
  /**
   * Adds records of one window (in stream order) all or nothing, skipping those the window already
   * counted from their shard (or replay); rejects when the window could not be written.
   */
  count(window: CampaignWindow, records: readonly Positioned<EnrichedEvent>[], updatedAt: string): Promise<GroupCount>;
}
