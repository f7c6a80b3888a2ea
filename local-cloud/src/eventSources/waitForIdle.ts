import { setTimeout as sleep } from 'node:timers/promises';
import { LocalCloudError } from '../errors.js';
import type { EventSourceMapping } from './types.js';

/** Rounds after which every effect of what was written before the first round has been processed, however deep the pipeline. */
const MAX_ROUNDS = 12;
const CHECK_EVERY_MS = 10;

/** The pipeline did not go idle in time. */
export class PipelineBusyError extends LocalCloudError {
  public constructor(timeoutMs: number, options?: ErrorOptions) {
    super(`The stream triggers had not caught up with their streams after ${timeoutMs} ms.`, options);
    this.name = 'PipelineBusyError';
  }
}

/**
 * Resolves once every record written to any stream before the call, and every record its
 * processing wrote to other streams, has been processed by every mapping.
 *
 * A round starts at time T, wakes every poller (records gathered for a batching window are delivered
 * at once) and waits until each one's reads have reached the end of its shard after T with nothing
 * left to deliver. What a round's deliveries wrote is caught by the
 * next round; a round in which nothing was delivered ends the wait. Traffic from others that keeps
 * flowing cannot hold it forever: after {@link MAX_ROUNDS} rounds every consequence of the records
 * that were there at the start has been processed, since no chain of triggers here is that deep.
 *
 * @throws {@link PipelineBusyError} after `timeoutMs`.
 */
export async function waitForIdle(
  mappings: readonly EventSourceMapping[],
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 360_000;
  const deadline = Date.now() + timeoutMs;
  const processed = () =>
    mappings.reduce((sum, mapping) => sum + mapping.stats().delivered + mapping.stats().sentToOnFailure, 0);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const roundStart = performance.now();
    const processedBefore = processed();
    mappings.forEach((mapping) => mapping.wake({ flush: true }));
    while (mappings.some((mapping) => mapping.caughtUpAt() <= roundStart)) {
      if (Date.now() > deadline) throw new PipelineBusyError(timeoutMs);
      await sleep(CHECK_EVERY_MS);
    }
    if (processed() === processedBefore) return;
  }
}
