import { isStreamThrottling, StreamThrottledError, StreamUnavailableError } from '@sdp/shared-http';
import { type PutOutcome } from '@sdp/shared-streams';
import { RETRY_AFTER_SECONDS } from './constants.js';

/**
 * The stream's acknowledgement of a single event, or the error that tells the client to retry:
 * `429 stream_throttled` when the stream is over its capacity, else `503 stream_unavailable`.
 *
 * @example
 * const { shardId, sequenceNumber } = requireWritten(outcome) // or throws StreamThrottledError / StreamUnavailableError
 */
export function requireWritten(outcome: PutOutcome | undefined): Extract<PutOutcome, { ok: true }> {
  if (outcome?.ok) return outcome;
  const throttled = outcome !== undefined && isStreamThrottling(outcome.errorCode);
  throw throttled
    ? new StreamThrottledError(RETRY_AFTER_SECONDS, outcome)
    : new StreamUnavailableError(RETRY_AFTER_SECONDS, outcome);
}
