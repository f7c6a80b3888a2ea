import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '../clients.js';
import { EmulatorStartError, JavaNotFoundError } from '../errors.js';
import { compileLoopbackLauncher, LOOPBACK_LAUNCHER_CLASS } from './dynamoDbLocal/compileLoopbackLauncher.js';
import type { Emulator, EmulatorOptions } from './types.js';

const READY_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 200;
/**
 * How long DynamoDB Local gets to stop on SIGTERM before SIGKILL. Generous: a SIGKILL can lose writes
 * it already acknowledged (docs/architecture.md), and on a loaded machine its JVM may take seconds.
 */
const STOP_GRACE_MS = 30_000;
const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Starts the real DynamoDB Local (Java) on 127.0.0.1 with one shared database file under `dataDir`
 * (or, with `inMemory`, its database in memory: the same engine without the file, lost when it
 * stops), and resolves once it answers `ListTables`.
 *
 * DynamoDB Local's own main class listens on every interface and checks no signature; it is started
 * instead through a small launcher (`dynamoDbLocal/LoopbackDynamoDbLocal.java`, compiled once into
 * `cacheDir`) that binds it to 127.0.0.1 only and answers 403 to web pages (any request with an
 * `Origin` header). No `-cors` option is passed: DynamoDB Local then allows no origin at all.
 *
 * The Java process is killed when this process exits or crashes, and on SIGINT/SIGTERM/SIGHUP unless
 * the program handles the signal itself (it then stops the emulator in its own time), so no emulator
 * outlives the local cloud. It cannot be cleaned up if this process is killed with SIGKILL.
 *
 * @throws {@link JavaNotFoundError} when `java` or `javac` is not on the PATH.
 * @throws {@link EmulatorStartError} when the launcher does not compile, or the process exits or does not answer within 60 s.
 *
 * @example
 * ```ts
 * const dynamoDb = await startDynamoDbLocal({ port: await freePort(), dataDir: '.data/dynamodb' });
 * const client = localDynamoDbClient(dynamoDb.endpoint);
 * await dynamoDb.stop();
 * ```
 */
export const startDynamoDbLocal = async ({
  port,
  dataDir,
  inMemory = false,
  cacheDir = join(process.cwd(), '.data', 'cache'),
}: EmulatorOptions & {
  inMemory?: boolean;
  /** Where the loopback launcher is compiled to, once (default `.data/cache` under the working directory) */
  cacheDir?: string;
}): Promise<Emulator> => {
  await mkdir(dataDir, { recursive: true });
  const emulatorDir = findEmulatorDir();
  const launcherDir = await compileLoopbackLauncher(emulatorDir, cacheDir);
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
      // An IPv4 socket: bound to 127.0.0.1 it shows as such in `ss`, not as an IPv4-mapped IPv6 address.
      '-Djava.net.preferIPv4Stack=true',
      '-cp',
      [join(emulatorDir, 'DynamoDBLocal.jar'), launcherDir].join(delimiter),
      LOOPBACK_LAUNCHER_CLASS,
      '-port',
      String(port),
      ...(inMemory ? ['-inMemory'] : ['-dbPath', dataDir]),
      '-sharedDb',
      // Telemetry would send usage data off this machine (and retry against a closed network).
      '-disableTelemetry',
    ],
    // A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and DynamoDB
    // Local must outlive the functions still writing to it until the local cloud stops it, last.
    { cwd: emulatorDir, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const removeExitHooks = killOnParentExit(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () => stderr);
  } catch (error) {
    removeExitHooks();
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    stop: async () => {
      removeExitHooks();
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const graceTimer = setTimeout(() => {
        console.error(
          `DynamoDB Local did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM; killing it (writes it acknowledged may be lost).`,
        );
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exited;
      clearTimeout(graceTimer);
    },
  };
};

const findEmulatorDir = (): string => {
  // Resolved from the working directory because this file runs both as ESM (tsx) and as CommonJS (jest).
  const require = createRequire(join(process.cwd(), 'package.json'));
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
};

const waitUntilReady = async (endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> => {
  const spawnFailure = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new JavaNotFoundError({ cause: error }) : error),
    );
    child.once('exit', (code, signal) =>
      reject(new EmulatorStartError('DynamoDB Local', `exited with ${code ?? signal}: ${stderr()}`)),
    );
  });
  spawnFailure.catch(() => undefined);
  const client = localDynamoDbClient(endpoint);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      const answered = await Promise.race([
        client.send(new ListTablesCommand({})).then(
          () => true,
          () => false,
        ),
        spawnFailure,
      ]);
      if (answered) return;
      await Promise.race([sleep(READY_POLL_MS), spawnFailure]);
    }
  } finally {
    client.destroy();
  }
  throw new EmulatorStartError('DynamoDB Local', `no answer on ${endpoint} within ${READY_TIMEOUT_MS} ms: ${stderr()}`);
};

const killOnParentExit = (child: ChildProcess): (() => void) => {
  const killChild = (): void => {
    child.kill('SIGKILL');
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    // Somebody else (the CLI) handles the signal with an orderly stop, which stops the emulator last;
    // the exit hook still kills it if that stop never comes.
    if (process.listenerCount(signal) > 0) {
      for (const other of EXIT_SIGNALS) process.off(other, onSignal);
      return;
    }
    killChild();
    removeHooks();
    process.kill(process.pid, signal);
  };
  const removeHooks = (): void => {
    process.off('exit', killChild);
    for (const signal of EXIT_SIGNALS) process.off(signal, onSignal);
  };
  process.once('exit', killChild);
  for (const signal of EXIT_SIGNALS) process.once(signal, onSignal);
  child.once('exit', removeHooks);
  return removeHooks;
};
