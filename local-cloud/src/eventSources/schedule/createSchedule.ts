import type { Invoke } from '../types.js';
import { parseScheduleExpression } from './parseScheduleExpression.js';
import { scheduledEvent } from './scheduledEvent.js';

export interface ScheduleOptions {
  /** Constant event instead of the Scheduled Event (the `input` of a `schedule` event). */
  input?: unknown;
  log?: (msg: string, data?: object) => void;
}

export interface Schedule {
  start(): void;
  stop(): void;
}

/**
 * Invokes a function on an EventBridge schedule. Like EventBridge, each invocation is asynchronous
 * (a slow run does not delay the next one) and a failed one is logged, not retried.
 * A `rate` first fires one period after `start()`, a `cron` at its next matching time (UTC).
 *
 * @throws {@link InvalidScheduleExpressionError} for an expression EventBridge would reject.
 *
 * @example
 * ```ts
 * const schedule = createSchedule('rate(5 minutes)', (event) => pool.invoke('retrain', event));
 * schedule.start();
 * // …
 * schedule.stop();
 * ```
 */
export const createSchedule = (rule: string, invoke: Invoke, opts: ScheduleOptions = {}): Schedule => {
  const nextFireTime = parseScheduleExpression(rule);
  let timer: NodeJS.Timeout | undefined;
  const waitFor = (at: Date): void => {
    // setTimeout cannot wait longer than ~24.8 days; wake up earlier and wait again.
    const delayMs = Math.min(Math.max(0, at.getTime() - Date.now()), 2 ** 31 - 1);
    timer = setTimeout(() => {
      if (Date.now() < at.getTime()) return waitFor(at);
      const event = opts.input !== undefined ? opts.input : scheduledEvent(at);
      invoke(event).catch((error: unknown) =>
        opts.log?.('scheduled invocation failed', { rule, error: String(error) }),
      );
      waitFor(nextFireTime(at));
    }, delayMs);
  };
  return {
    start: () => {
      if (timer === undefined) waitFor(nextFireTime(new Date()));
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
};
