import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { QUERY_PROCESS_HEADROOM_MB } from './constants.js';
import {
  openDuckDbSession,
  type DuckDbSession,
  type DuckDbSessionConfig,
  type DuckDbSessionQuery,
  type DuckDbSessionReply,
} from './openDuckDbSession.js';

type ChildMessage = { ready: true } | { id: number; reply: DuckDbSessionReply };

/**
 * A {@link DuckDbSession} in a process of its own, so that a query that allocates past every limit
 * (DuckDB's `memory_limit` does not bound a vector of long strings) fails there, not in the process
 * that serves the API. The process runs with an address-space limit of `memory_limit` plus
 * {@link QUERY_PROCESS_HEADROOM_MB} (`ulimit -v`, where the platform enforces it), starts on the first
 * query, and is replaced after it stops: `interrupt()` (the time limit) kills it, a query it dies in
 * answers `out_of_memory`, and after a query that ran out of memory it is replaced too (DuckDB's
 * allocator keeps the address space it reserved). It exits with its parent (the IPC channel closes).
 *
 * @example
 * const session = duckDbProcessSession({ lakeRoot: '/lake', memoryLimitMb: 512, threads: 2 });
 * await session.query({ setup: [], sql: "SELECT repeat('x', 100000000) FROM range(10000)", maxRows: 10 });
 * // { ok: false, failure: 'out_of_memory', detail: 'Out of Memory Error: …' }; the next query gets a fresh process
 */
export function duckDbProcessSession(config: DuckDbSessionConfig): DuckDbSession {
  let nextId = 0;

  const start = () => {
    const started = spawnQueryProcess(config);
    const pending = new Map<number, (reply: DuckDbSessionReply) => void>();
    let interrupted = false;
    let alive = true;
    const ready = new Promise<void>((resolve, reject) => {
      started.on('message', (message: ChildMessage) => {
        if ('ready' in message) return resolve();
        pending.get(message.id)?.(message.reply);
        pending.delete(message.id);
        if (pending.size === 0) idle(started);
      });
      started.once('exit', (code, signal) => {
        alive = false;
        const detail = `The query process stopped (${signal ?? `exit code ${code}`}).`;
        reject(new Error(detail));
        for (const settle of pending.values())
          settle({ ok: false, failure: interrupted ? 'interrupted' : 'out_of_memory', detail });
        pending.clear();
      });
    });
    ready.catch(() => undefined);
    const send = (request: DuckDbSessionQuery) =>
      new Promise<DuckDbSessionReply>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        started.ref();
        started.channel?.ref();
        started.send({ id, request });
      });
    const stop = (reason: 'interrupt' | 'replace') => {
      if (reason === 'interrupt') interrupted = pending.size > 0;
      alive = false;
      started.kill('SIGKILL');
    };
    return { ready, send, stop, alive: () => alive, busy: () => pending.size > 0 };
  };

  /** The process that takes the next query. */
  let running: ReturnType<typeof start> | undefined;
  return {
    async query(request: DuckDbSessionQuery) {
      if (!running?.alive()) running = start();
      const target = running;
      await target.ready;
      const reply = await target.send(request);
      // DuckDB's allocator keeps the address space a failed query reserved: the next query starts afresh.
      if (!reply.ok && reply.failure === 'out_of_memory') target.stop('replace');
      return reply;
    },
    interrupt() {
      if (running?.busy()) running.stop('interrupt');
    },
    close() {
      running?.stop('replace');
      running = undefined;
    },
  };
}

/** Lets the parent exit while the query process waits for work. */
function idle(queryProcess: ChildProcess): void {
  queryProcess.unref();
  queryProcess.channel?.unref();
}

function spawnQueryProcess(config: DuckDbSessionConfig): ChildProcess {
  const source = [
    `const duckDb = require(${JSON.stringify(duckDbModulePath())});`,
    `(${openDuckDbSession.toString()})(duckDb, ${JSON.stringify(config)}).then((session) => {`,
    '  process.on("message", async ({ id, request }) => process.send({ id, reply: await session.query(request) }));',
    '  process.on("disconnect", () => process.exit(0));',
    '  process.send({ ready: true });',
    '}, (error) => { console.error(error); process.exit(1); });',
  ].join('\n');
  const addressSpaceKb = (config.memoryLimitMb + QUERY_PROCESS_HEADROOM_MB) * 1024;
  // `ulimit -v` is best effort: where the platform refuses it, DuckDB's memory_limit still holds.
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      'ulimit -v "$1" 2>/dev/null; exec "$2" --input-type=commonjs -e "$3"',
      'sh',
      String(addressSpaceKb),
      process.execPath,
      source,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { PATH: process.env.PATH ?? '' },
    },
  );
  idle(child);
  return child;
}

/**
 * Where `@duckdb/node-api` is, for the query process to load. From the caller's module where there is a
 * CommonJS `require` (a function bundle, Jest), else from the working directory (tsx scripts).
 */
function duckDbModulePath(): string {
  const resolver = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));
  return resolver.resolve('@duckdb/node-api');
}
