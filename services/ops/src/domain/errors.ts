import { ApiError } from '@sdp/shared-http';

export class FailedEventNotFoundError extends ApiError {
  constructor(failureId: string) {
    super(404, 'not_found', `There is no failed event '${failureId}'; GET /failed-events lists them.`);
    this.name = 'FailedEventNotFoundError';
  }
}

export class NotReplayableError extends ApiError {
  constructor(message: string) {
    super(409, 'not_replayable', message);
    this.name = 'NotReplayableError';
  }
}

export class ReplayFailedAgainError extends ApiError {
  constructor(failureId: string, functionName: string, error: string) {
    super(
      422,
      'replay_failed',
      `${functionName} failed the replayed record again, so ${failureId} stays failed: ${error} Fix the cause (or send corrected "data") and replay again.`,
    );
    this.name = 'ReplayFailedAgainError';
  }
}

export class ConsumerUnavailableError extends ApiError {
  constructor(failureId: string, reason: string, cause: unknown) {
    super(
      502,
      'consumer_unavailable',
      `${reason}. ${failureId} stays failed; fix the cause (on AWS: may the replay function invoke it?) and replay again.`,
      { cause },
    );
    this.name = 'ConsumerUnavailableError';
  }
}

export class UsageUnavailableError extends ApiError {
  constructor(source: string, cause: unknown) {
    super(502, 'usage_unavailable', `The usage could not be read from ${source}; try again in a moment.`, { cause });
    this.name = 'UsageUnavailableError';
  }
}

export class ReconciliationTooLargeError extends ApiError {
  constructor(from: Date, to: Date, budgetMs: number) {
    super(
      400,
      'invalid_request',
      `The stream holds more records from ${from.toISOString()} to ${to.toISOString()} than one request reads in ${budgetMs / 1000} s at a pace that leaves the shards' reads to the consumers; ask for a shorter range.`,
    );
    this.name = 'ReconciliationTooLargeError';
  }
}

export class UserErasureNotFoundError extends ApiError {
  constructor(userId: string) {
    super(
      404,
      'not_found',
      `User '${userId}' was never erased; DELETE /users/{user_id} erases a user (npm run erase -- --user <id>).`,
    );
    this.name = 'UserErasureNotFoundError';
  }
}

export class ErasureInProgressError extends ApiError {
  constructor(userId: string, erasureId: string) {
    super(
      409,
      'erasure_in_progress',
      `Erasure ${erasureId} of user '${userId}' is still removing data; lift the tombstone once GET /users/${userId}/erasure shows it erased.`,
    );
    this.name = 'ErasureInProgressError';
  }
}
