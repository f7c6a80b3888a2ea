import type { PricedUnit, Usage } from '@sdp/shared-cost';
import type { components } from '@sdp/shared-contract';
import type { EraseUsersResult, FailedEvent, FailedEventStatus, Tombstone } from '@sdp/shared-streams';
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

export type Erasure = components['schemas']['Erasure'];
export type ErasedCounts = components['schemas']['ErasedCounts'];
export type UserErasure = components['schemas']['UserErasure'];

/** Who asked for an erasure or a lift: the admin key's tenant and id. */
export type Requester = Erasure['requested_by'];

/**
 * The erased-users table (tombstones) and the erasure log, as the ops service keeps them: by user id
 * here, by its hash in the tables (`userKeyOf`).
 */
export interface ErasureStore {
  tombstone(userId: string): Promise<Tombstone | undefined>;
  /** The user's log entries, newest first */
  history(userId: string): Promise<Erasure[]>;
  /** In one transaction: the tombstone (`erased`), the tombstones' version raised, the log's new entry */
  startErasure(tombstone: Tombstone, entry: Erasure): Promise<void>;
  /**
   * In one transaction, if the tombstone is still `erased`: the tombstone `lifted`, the version
   * raised, the log's entry; false when the tombstone was not `erased` any more
   */
  lift(tombstone: Tombstone, entry: Erasure): Promise<boolean>;
  /**
   * Adds what a store removed to the entry's tallies (`erasedCountsOf`), while it is `erasing`, so
   * that a pass that dies after some stores keeps their counts for the pass that completes it
   */
  tally(userId: string, erasureId: string, counts: Readonly<Record<string, number>>): Promise<void>;
  /**
   * `erasing` → `erased`, and the entry forgets the user id (the log keeps its hash); false when the
   * entry was not `erasing` (done before)
   */
  completeErasure(userId: string, erasureId: string, completedAt: string): Promise<boolean>;
}

/**
 * The services that keep users' data, each asked to remove the users' data it holds (its eraser
 * function, invoked); resolves with what each removed per user.
 */
export interface ErasureOwners {
  sessions(userIds: readonly string[]): Promise<EraseUsersResult>;
  orders(userIds: readonly string[]): Promise<EraseUsersResult>;
  lake(userIds: readonly string[]): Promise<EraseUsersResult>;
  /** The ops service's own failed-events store */
  failedEvents(userIds: readonly string[]): Promise<EraseUsersResult>;
}
