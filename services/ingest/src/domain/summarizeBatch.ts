import { isStreamThrottling } from '@sdp/shared-http';
import { type PutOutcome } from '@sdp/shared-streams';
import { RETRY_AFTER_SECONDS } from './constants.js';
import type { PlannedItem } from './planBatch.js';
import type { BatchItemResult, BatchResult, StampedEvent } from './types.js';

export interface BatchResponse {
  statusCode: 200 | 429 | 503;
  headers: Record<string, string>;
  body: BatchResult;
}

/**
 * Joins the plan with the stream's answer for each written event (`outcomes[i]` belongs to the
 * i-th accepted item of the plan) into the per-item response. 429 (the stream is throttled) or 503
 * (it is unavailable) with `Retry-After` only when the stream refused every event it was given and
 * none was accepted, so a client can retry the whole batch; otherwise 200 and each item says what
 * happened to it.
 */
export function summarizeBatch(
  plan: readonly PlannedItem<StampedEvent<{ event_id: string; received_at: string }>>[],
  outcomes: readonly PutOutcome[],
): BatchResponse {
  let written = 0;
  let streamRefused = 0;
  let streamThrottled = 0;
  const results = plan.map((item): BatchItemResult => {
    if (!item.ok) return { index: item.index, status: 'rejected', error: item.error };
    const outcome = outcomes[written++];
    if (outcome?.ok) {
      const { event_id, received_at } = item.stamped.envelope;
      return {
        index: item.index,
        status: 'accepted',
        event_id,
        received_at,
        shard_id: outcome.shardId,
        sequence_number: outcome.sequenceNumber,
      };
    }
    streamRefused++;
    const throttled = isStreamThrottling(outcome?.errorCode);
    if (throttled) streamThrottled++;
    return {
      index: item.index,
      status: 'rejected',
      error: {
        code: throttled ? 'stream_throttled' : 'stream_unavailable',
        message: `The stream did not store this event (${outcome?.errorCode ?? 'not written'}); send it again after ${RETRY_AFTER_SECONDS} s.`,
      },
    };
  });
  const accepted = results.filter((r) => r.status === 'accepted').length;
  const body = { accepted, rejected: results.length - accepted, results };
  if (accepted === 0 && streamRefused > 0) {
    return {
      statusCode: streamThrottled === streamRefused ? 429 : 503,
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      body,
    };
  }
  return { statusCode: 200, headers: {}, body };
}
