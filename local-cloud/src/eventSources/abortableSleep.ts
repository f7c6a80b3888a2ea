/**
 * Waits `ms`, or less when `signal` aborts; never rejects, and leaves no timer behind.
 *
 * @example
 * ```ts
 * await abortableSleep(200, controller.signal);
 * if (controller.signal.aborted) return;
 * ```
 */
export const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
