/**
 * Keeps a benchmark's child server (started over IPC by startChildServer) running until the parent
 * sends `{ stop: true }` or goes away, then calls `stop` once. On `{ settle: true }` it answers
 * `{ settled: true }` once `settle` (the work earlier load left behind) is done. Also reports a
 * start-up failure.
 */
export function serveUntilStopped(
  stop: () => Promise<void>,
  settle: () => Promise<void> = async () => undefined,
): void {
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stop();
    if (process.connected) process.disconnect();
  };
  process.on('message', (message: { stop?: boolean; settle?: boolean }) => {
    if (message.stop) void shutdown();
    else if (message.settle) void settle().then(() => process.connected && process.send!({ settled: true }));
  });
  // The benchmark died: do not outlive it.
  process.on('disconnect', () => void shutdown());
}

/** Tells the parent the server could not start, and exits. */
export function reportStartFailure(error: unknown): void {
  process.send!({ failed: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect();
}
