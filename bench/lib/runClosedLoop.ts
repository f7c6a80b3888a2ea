import { mean, median, percentile } from './statistics.ts';

export interface ClosedLoopOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** One call; resolves with the units it completed (e.g. events accepted) and the units it was given. */
  call: (sequence: number) => Promise<{ completed: number; attempted: number }>;
}

export interface ClosedLoopResult {
  calls: number;
  callErrors: number;
  unitsCompleted: number;
  unitsNotCompleted: number;
  /** Units completed per second over the measured window */
  unitsPerSecond: number;
  unitsPerSecondMean: number;
  unitsPerSecondMedian: number;
  perSecond: number[];
  latencyP50Ms: number;
  latencyP99Ms: number;
  firstError?: string;
}

/**
 * `concurrency` callers, each starting its next call as soon as the last one finished, for a warm-up
 * and then a measured window. Only calls that finish inside the window count, bucketed by the second
 * they finished in, as autocannon samples requests.
 */
export async function runClosedLoop({
  concurrency,
  warmupMs,
  durationMs,
  call,
}: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const start = performance.now() + warmupMs;
  const end = start + durationMs;
  const perSecond = new Array<number>(Math.ceil(durationMs / 1000)).fill(0);
  const latencies: number[] = [];
  let sequence = 0;
  let calls = 0;
  let callErrors = 0;
  let unitsCompleted = 0;
  let unitsNotCompleted = 0;
  let firstError: string | undefined;

  const caller = async (): Promise<void> => {
    while (performance.now() < end) {
      const sent = performance.now();
      let outcome: { completed: number; attempted: number } | undefined;
      try {
        outcome = await call(sequence++);
      } catch (error) {
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      const finished = performance.now();
      if (finished < start || finished >= end) continue;
      calls++;
      latencies.push(finished - sent);
      if (!outcome) {
        callErrors++;
        continue;
      }
      unitsCompleted += outcome.completed;
      unitsNotCompleted += outcome.attempted - outcome.completed;
      perSecond[Math.floor((finished - start) / 1000)]! += outcome.completed;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));

  return {
    calls,
    callErrors,
    unitsCompleted,
    unitsNotCompleted,
    unitsPerSecond: unitsCompleted / (durationMs / 1000),
    unitsPerSecondMean: mean(perSecond),
    unitsPerSecondMedian: median(perSecond),
    perSecond,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    ...(firstError === undefined ? {} : { firstError }),
  };
}
