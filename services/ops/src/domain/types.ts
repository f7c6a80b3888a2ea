import type { PricedUnit, Usage } from '@sdp/shared-cost';
import type { FailedEvent, FailedEventStatus } from '@sdp/shared-streams';
import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';

/** The failed-events table as the ops service reads and changes it. */
export interface FailedEventsTable {
  get(failureId: string): Promise<FailedEvent | undefined>;
  /** Newest failure first */
  listByStatus(status: FailedEventStatus, limit: number): Promise<FailedEvent[]>;
  /** Every item (counts and reconciliation) */
  scanAll(): Promise<FailedEvent[]>;
  /** `failed` → `replaying`, or `replaying` since before `staleBefore` → `replaying`; false when the item was in neither state */
  claimForReplay(failureId: string, at: Date, staleBefore: Date): Promise<boolean>;
  markReplayed(failureId: string, at: Date, replayedWith: 'original' | 'corrected'): Promise<void>;
  markReplayFailed(failureId: string, error: string): Promise<void>;
}

/** What invoking a consumer with a replay event gave. */
export type ReplayInvocation = { ok: true } | { ok: false; error: string };

export type InvokeConsumer = (
  functionName: string,
  event: KinesisStreamEvent | DynamoDBStreamEvent,
) => Promise<ReplayInvocation>;

export interface ReplayRequest {
  /** Corrected data to send instead of the stored record: a JSON value or its text */
  data?: unknown;
}

export interface ReplayResult {
  failure_id: string;
  /** `replayed`: processed now; `already_replayed`: a replay succeeded before, nothing was sent */
  outcome: 'replayed' | 'already_replayed';
  replayed_at: string;
  replayed_with: string;
}

/** Usage in AWS's billing units by scope (a function, table or stream name), as a usage source read it. */
export interface UsageReading {
  source: 'local-meter' | 'cloudwatch';
  from: Date;
  to: Date;
  /** The units the source counts; any other unit's usage is unknown, not zero */
  metered: readonly PricedUnit[];
  byScope: Record<string, Usage>;
}

/** Where the running platform's usage is read: the local cloud's meter, or CloudWatch on AWS. */
export type ReadUsage = () => Promise<UsageReading>;
