import { fork } from 'node:child_process';

/** Messages a server entry under `bench/servers/` sends to the benchmark over IPC. */
export type ChildMessage<Ready, Report> =
  { ready: Ready } | { failed: string } | { report: Report } | { settled: true };

export interface ChildServer<Ready, Report> {
  pid: number;
  ready: Ready;
  /** Asks the child to stop, resolves with its final report once it has exited (killed after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<Report | undefined>;
  /** Resolves once the child has finished the work earlier load left behind (a server without any answers at once). */
  settle(): Promise<void>;
}

/**
 * Runs a TypeScript server entry in its own Node process (through tsx) so the server never shares an
 * event loop, or a core's time slice within one loop, with the load generator. Resolves once the
 * child has sent `{ ready }`. `nodeFlags` go to the child's Node, e.g. `['--cpu-prof']` to profile it;
 * `environment` adds variables to its environment.
 */
export function startChildServer<Ready, Report = never>(
  entry: string,
  args: string[] = [],
  nodeFlags: string[] = [],
  environment: Record<string, string> = {},
): Promise<ChildServer<Ready, Report>> {
  const child = fork(entry, args, {
    execArgv: ['--import', 'tsx', ...nodeFlags],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // The AWS SDK's "node >= 22" notice would otherwise interleave with the results.
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...environment },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let report: Report | undefined;
  let settled: () => void = () => undefined;

  const stop = async (timeoutMs = 30_000): Promise<Report | undefined> => {
    if (child.exitCode === null && child.signalCode === null) {
      if (child.connected) child.send({ stop: true });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    }
    return report;
  };

  const settle = (): Promise<void> =>
    new Promise((resolve) => {
      settled = resolve;
      child.send({ settle: true });
    });

  return new Promise((resolve, reject) => {
    child.on('message', (message: ChildMessage<Ready, Report>) => {
      if ('ready' in message) resolve({ pid: child.pid!, ready: message.ready, stop, settle });
      else if ('failed' in message) reject(new Error(`${entry} failed to start: ${message.failed}`));
      else if ('settled' in message) settled();
      else report = message.report;
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`${entry} exited before it was ready (code ${code}, signal ${signal})`)),
    );
    child.once('error', reject);
  });
}
