import type { FailureReason, RecordRejection, StreamBatchOutcome } from '../failures/types.js';
import type { KinesisRecordText } from '../streams/readKinesisRecords.js';

/** A record's value with the place it holds in its shard. */
export interface Positioned<T> {
  /** As delivered: `<shard>-replay` for a replay of the failed-events store */
  shardId: string;
  sequenceNumber: string;
  value: T;
}

/** What a counting consumer makes of one record. */
export type Reading<T> =
  /** A valid record that may count */
  | { kind: 'value'; value: T }
  /** A valid record that counts nothing (demand: an event that names no product) */
  | { kind: 'ignore' }
  /** A record that can never be valid: set aside in the failed-events store at once */
  | { kind: 'reject'; reason: FailureReason; detail?: Record<string, unknown> };

/**
 * Whether a record is the copy of its logical event that counts, decided by the service that owns
 * the event's identity: `count` it, `skip` it (another copy counts, or it was counted before the
 * copies were named), or `pending` (the owner has not stored its decision yet). A verdict, once
 * readable, never changes, so a stale read can only say `pending`.
 */
export type Verdict = 'count' | 'skip' | 'pending';

/** How the records of one group (one counted item) ended. */
export interface GroupCount {
  /** Records added now */
  counted: number;
  /** Records the item had already counted (a re-delivery or a replay done before) */
  duplicates: number;
}

/**
 * A stream consumer that counts records into items (windows, product windows): everything that
 * differs between two of them. `countBatch` does the rest, the same for every one.
 */
export interface CountingConsumer<T> {
  /** Reads and checks one record against its contract */
  read(record: KinesisRecordText): Reading<T>;
  /** The counted item a value changes, as a text key */
  groupOf(value: T): string;
  /** How a group is named in failure messages and logs, e.g. "campaign 7's window 2026-12-06T10:00:00.000Z" */
  describeGroup(value: T): string;
  /**
   * Copies of one logical event within a batch collapse into the first when this is given (for a
   * counter that claims each event's key and may not claim one twice in a write).
   */
  identityOf?(value: T): string;
  /** Verdicts for the records, in their order; without it every valid record counts. */
  decide?(records: readonly Positioned<T>[]): Promise<Verdict[]>;
  /** Why a pending record is re-delivered, for the failed-events store if it stays pending past the grace */
  readonly pendingReason?: FailureReason;
  /**
   * Adds one group's records (in stream order) to its item, all or nothing, skipping those the item
   * already counted; rejects if the item could not be written.
   */
  countGroup(records: readonly Positioned<T>[]): Promise<GroupCount>;
}

/** What `countBatch` did, for the Lambda response (through `processStreamBatch`) and the batch's log line. */
export interface CountBatchOutcome extends StreamBatchOutcome {
  rejected: RecordRejection[];
  /** Records added to their items now */
  counted: number;
  /** Copies of a logical event that another copy counts, or records their item had already counted */
  duplicates: number;
  /** Valid records that count nothing */
  ignored: number;
  /** Records that are not valid, set aside */
  invalid: number;
  /** Records of groups that could not be written, re-delivered */
  failed: number;
  /** Records from the first one still waiting for its verdict on, re-delivered */
  pending: number;
}
