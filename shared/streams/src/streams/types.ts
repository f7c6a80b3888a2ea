export interface StreamRecord {
  partitionKey: string;
  data: Uint8Array;
}

export type PutOutcome =
  | { ok: true; shardId: string; sequenceNumber: string }
  | {
      ok: false;
      errorCode: string;
      errorMessage: string;
      /** The stream's fault (throttled, failed, unreachable), not the record's */ retryable: boolean;
    };

export interface RetryPolicy {
  /** Calls per record, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}
