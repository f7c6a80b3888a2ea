import type { FailedEvent } from '@sdp/shared-streams';
import { buildReplayEvent } from './buildReplayEvent.js';
import { STALE_REPLAY_MS } from './constants.js';
import {
  ConsumerUnavailableError,
  FailedEventNotFoundError,
  NotReplayableError,
  ReplayFailedAgainError,
} from './errors.js';
import type { FailedEventsTable, InvokeConsumer, ReplayRequest, ReplayResult } from './types.js';

export interface ReplayDeps {
  table: FailedEventsTable;
  invoke: InvokeConsumer;
  now: () => Date;
}

/**
 * Re-drives one failed record through the consumer that failed it, with its stored data or with
 * corrected data, and marks it `replayed` once the consumer processed it. Idempotent: a record
 * replayed before is not sent again (the answer says `already_replayed`), two replays at once
 * cannot both send it, and the consumers themselves count a record once even if a replay that died
 * half-way is started again.
 *
 * @example
 * await replayFailedEvent('sdp-enrich-dev-joinEvents#shardId-000000000001#4960…', {}, { table, invoke, now: () => new Date() })
 * // { failure_id: '…', outcome: 'replayed', replayed_at: '2026-11-22T10:00:00.000Z', replayed_with: 'original' }
 */
export async function replayFailedEvent(
  failureId: string,
  request: ReplayRequest,
  deps: ReplayDeps,
): Promise<ReplayResult> {
  const failed = await deps.table.get(failureId);
  if (!failed) throw new FailedEventNotFoundError(failureId);
  if (failed.status === 'replayed') return alreadyReplayed(failed);
  if (failed.status === 'retrying') {
    throw new NotReplayableError(
      `${failureId} is still being retried by ${failed.function_name} (${failed.attempts} attempt(s) so far); replay it once it is set aside (status 'failed').`,
    );
  }
  const data = dataToSend(failed, request);
  const at = deps.now();
  if (!(await deps.table.claimForReplay(failureId, at, new Date(at.getTime() - STALE_REPLAY_MS)))) {
    const now = await deps.table.get(failureId);
    if (now?.status === 'replayed') return alreadyReplayed(now);
    throw new NotReplayableError(`${failureId} is being replayed right now; ask again in a minute.`);
  }
  const result = await invokeConsumer(failed, data.text, at, deps);
  if (!result.ok) {
    await deps.table.markReplayFailed(failureId, result.error);
    throw new ReplayFailedAgainError(failureId, failed.function_name, result.error);
  }
  await deps.table.markReplayed(failureId, at, data.kind);
  return { failure_id: failureId, outcome: 'replayed', replayed_at: at.toISOString(), replayed_with: data.kind };
}

/** The consumer's answer; a consumer that cannot be invoked leaves the record failed with the reason. */
async function invokeConsumer(failed: FailedEvent, data: string, at: Date, deps: ReplayDeps) {
  try {
    return await deps.invoke(failed.function_name, buildReplayEvent(failed, data, at));
  } catch (error) {
    const reason = `${failed.function_name} could not be invoked: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    await deps.table.markReplayFailed(failed.failure_id, reason);
    throw new ConsumerUnavailableError(failed.failure_id, reason, error);
  }
}

function dataToSend(failed: FailedEvent, request: ReplayRequest): { text: string; kind: 'original' | 'corrected' } {
  if (request.data !== undefined)
    return { text: typeof request.data === 'string' ? request.data : JSON.stringify(request.data), kind: 'corrected' };
  if (failed.data_truncated) {
    throw new NotReplayableError(
      `${failed.failure_id}'s data was too large to keep whole; replay it with corrected data ("data" in the body).`,
    );
  }
  return { text: failed.data, kind: 'original' };
}

function alreadyReplayed(failed: FailedEvent): ReplayResult {
  return {
    failure_id: failed.failure_id,
    outcome: 'already_replayed',
    replayed_at: failed.replayed_at ?? '',
    replayed_with: failed.replayed_with ?? '',
  };
}
