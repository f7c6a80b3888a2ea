/**
 * Where a record stands in the failed-events store: `retrying` while its consumer still retries it,
 * `failed` once it was set aside (after the retry limit, or at once when it can never succeed),
 * `replaying` while `npm run failed -- replay` re-drives it, `replayed` once that succeeded.
 */
export type FailedEventStatus = 'retrying' | 'failed' | 'replaying' | 'replayed';

/** What went wrong with a record, as stored and shown. */
export interface FailureReason {
  name: string;
  message: string;
}

/** A record a stream consumer could not process, as the failed-events store keeps it. */
export interface FailedEvent {
  /** `<function>#<shard>#<sequence number>` */
  failure_id: string;
  function_name: string;
  event_source_arn: string;
  shard_id: string;
  sequence_number: string;
  partition_key: string;
  /** The record's data as text (cut at DATA_LIMIT_CHARS; then `data_truncated`) */
  data: string;
  data_truncated: boolean;
  error_name: string;
  error_message: string;
  attempts: number;
  status: FailedEventStatus;
  first_failed_at: string;
  last_failed_at: string;
  /** When the event entered the platform (the raw envelope's `received_at`), for reconciliation */
  received_at?: string;
  replayed_at?: string;
  /** `original` or `corrected`: which data the successful replay sent */
  replayed_with?: string;
  last_replay_error?: string;
}

/** One record of a stream batch that failed, with everything needed to store and replay it. */
export interface RecordFailure {
  functionName: string;
  eventSourceArn: string;
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  data: string;
  reason: FailureReason;
  at: Date;
}

/** A record the consumer found can never be processed as it is (e.g. not a valid event). */
export interface RecordRejection {
  sequenceNumber: string;
  reason: FailureReason;
}

/** What a batch-processing domain function reports back to `processStreamBatch`. */
export interface StreamBatchOutcome {
  /** At most one: where Lambda should re-deliver from (Kinesis resumes at the lowest) */
  batchItemFailures: { itemIdentifier: string }[];
  /** Why the record at the failed position failed, when known */
  failure?: FailureReason;
  /** Records set aside at once; never retried, the batch goes on without them */
  rejected?: RecordRejection[];
  /**
   * The failed position waits for another service's decision (a verdict still pending), not for a
   * fault of its own: it is re-delivered without counting an attempt, within the deferral grace.
   */
  deferred?: boolean;
  /**
   * The failure is a dependency's (a throttle, a timeout, an outage), not the record's: it is
   * re-delivered after a backoff, never counted as an attempt, for as long as the record's age allows.
   */
  transient?: boolean;
}
