import type { FailureReason } from './types.js';

/** A replayed record failed again; the replay reports it to its caller instead of setting it aside again. */
export class ReplayFailedError extends Error {
  readonly reason: FailureReason;
  constructor(reason: FailureReason) {
    super(`The replayed record failed again: ${reason.name}: ${reason.message}`);
    this.name = 'ReplayFailedError';
    this.reason = reason;
  }
}
