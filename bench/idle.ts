/**
 * `npm run bench:idle`: what `npm start` costs a machine, measured on every process it runs (npm, tsx,
 * the local cloud with its function instances, DynamoDB Local), as a user starts it:
 *
 * 1. Start: `npm start -- --no-demo` on a fresh data directory, until it prints that it is up. With
 *    `--fresh`, the bundle and `serverless print` caches are set aside first (what a fresh clone pays).
 * 2. Idle: with no traffic, the cores all its processes use together over 60 s, and their resident
 *    memory at the end.
 * 3. Stop with traffic: `npm start` with demo traffic for 20 s, then SIGINT to its process group (what
 *    Ctrl-C in a terminal sends): how long the stop takes, and that no batch failure is logged.
 *
 * Flags: `--fresh`, `--idle-seconds <n>` (default 60), `--demo-seconds <n>` (default 20). Everything
 * runs on loopback, on free ports, in temporary data directories, and stops by itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { round } from './lib/statistics.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';

const { values: flags } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    'idle-seconds': { type: 'string', default: '60' },
    'demo-seconds': { type: 'string', default: '20' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE_DIR = path.join(ROOT, '.data', 'cache');
const IDLE_SECONDS = Number(flags['idle-seconds']);
const DEMO_SECONDS = Number(flags['demo-seconds']);
const SETTLE_MS = 5_000;
const START_TIMEOUT_MS = 180_000;
const CLOCK_TICKS_PER_SECOND = 100;
/** What the local cloud logs when a stream trigger's batch fails or is given up on. */
const FAILED_BATCH = /batch failed|dropping failed batch|ECONNREFUSED/;

interface RunningStart {
  child: ChildProcess;
  dataDir: string;
  output: string[];
  /** Milliseconds from spawning `npm start` to its "Local cloud up" line */
  readyMs: number;
  /** What the local cloud itself reports as its start-up time */
  reportedReadySeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start` with `args`, in a process group of its own (as a terminal's foreground job is), once it is up. */
async function startPlatform(args: string[]): Promise<RunningStart> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-idle-'));
  const startedAt = performance.now();
  const child = spawn(
    'npm',
    ['start', '--', '--data-dir', dataDir, '--port', '0', '--kinesis-port', '0', '--dynamodb-port', '0', ...args],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    },
  );
  const output: string[] = [];
  let ready: (line: string) => void = () => undefined;
  const up = new Promise<string>((resolve) => (ready = resolve));
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      output.push(line);
      if (line.startsWith('Local cloud up in')) ready(line);
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.once('exit', () => ready(''));
  const timer = setTimeout(() => ready(''), START_TIMEOUT_MS);
  const line = await up;
  clearTimeout(timer);
  if (!line) throw new Error(`npm start did not come up:\n${output.slice(-30).join('\n')}`);
  return {
    child,
    dataDir,
    output,
    readyMs: performance.now() - startedAt,
    reportedReadySeconds: Number(/up in ([\d.]+) s/.exec(line)?.[1]),
  };
}

/** Ctrl-C: SIGINT to the whole process group; resolves with the time until `npm start` exited. */
async function interrupt(run: RunningStart): Promise<{ stopMs: number; exitCode: number | string | null }> {
  const exited = new Promise<number | string | null>((resolve) =>
    run.child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const sentAt = performance.now();
  process.kill(-run.child.pid!, 'SIGINT');
  const exitCode = await exited;
  const stopMs = performance.now() - sentAt;
  await rm(run.dataDir, { recursive: true, force: true });
  return { stopMs, exitCode };
}

/** A command line as the results may show it: paths in the checkout relative, temporary data directories by role. */
function withoutMachinePaths(command: string): string {
  return command.replaceAll(`${ROOT}${path.sep}`, '').replace(/\S*sdp-bench-idle-\w+/g, '<data-dir>');
}

/** Every process of the tree under `pid`, with CPU seconds so far and resident bytes now (Linux /proc). */
async function processTree(
  pid: number,
): Promise<{ pid: number; command: string; cpuSeconds: number; residentBytes: number }[]> {
  const all = await Promise.all(
    (await readdir('/proc'))
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
        const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => undefined);
        const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
        if (!stat || !status) return undefined;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return {
          pid: Number(name),
          parent: Number(fields[1]),
          group: Number(fields[2]),
          command: withoutMachinePaths(cmdline.replaceAll('\0', ' ').trim()).slice(0, 120),
          cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
          residentBytes: Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024,
        };
      }),
  );
  const processes = all.filter((entry) => entry !== undefined);
  const tree = new Set([pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const entry of processes) {
      if (!tree.has(entry.pid) && tree.has(entry.parent)) {
        tree.add(entry.pid);
        grown = true;
      }
    }
  }
  return processes
    .filter((entry) => tree.has(entry.pid))
    .map(({ pid: id, command, cpuSeconds, residentBytes }) => ({ pid: id, command, cpuSeconds, residentBytes }));
}

const measuredAt = new Date().toISOString();
const setAside = flags.fresh && existsSync(CACHE_DIR) ? `${CACHE_DIR}.bench-idle-${process.pid}` : undefined;
if (setAside) await rename(CACHE_DIR, setAside);
const measure = async () => {
  console.log(`Starting npm start -- --no-demo${flags.fresh ? ' (caches set aside: a fresh clone)' : ''}…`);
  const quiet = await startPlatform(['--no-demo']);
  console.log(
    `  up after ${round(quiet.readyMs / 1000, 1)} s (it reports ${quiet.reportedReadySeconds} s); settling ${SETTLE_MS / 1000} s, then ${IDLE_SECONDS} s idle`,
  );
  await sleep(SETTLE_MS);
  const before = await processTree(quiet.child.pid!);
  const idleStarted = performance.now();
  await sleep(IDLE_SECONDS * 1000);
  const after = await processTree(quiet.child.pid!);
  const idleSeconds = (performance.now() - idleStarted) / 1000;
  const cpuOf = (list: typeof before) => new Map(list.map((entry) => [entry.pid, entry.cpuSeconds]));
  const cpuBefore = cpuOf(before);
  const processes = after.map((entry) => ({
    command: entry.command,
    cores: round((entry.cpuSeconds - (cpuBefore.get(entry.pid) ?? entry.cpuSeconds)) / idleSeconds, 4),
    residentMb: round(entry.residentBytes / 1e6, 0),
  }));
  const idleCores = round(
    processes.reduce((sum, entry) => sum + entry.cores, 0),
    4,
  );
  const residentMb = round(
    processes.reduce((sum, entry) => sum + entry.residentMb, 0),
    0,
  );
  console.log(`  idle: ${idleCores} cores, ${residentMb} MB resident over ${processes.length} processes`);
  for (const entry of processes)
    console.log(
      `    ${String(entry.cores).padStart(7)} cores ${String(entry.residentMb).padStart(6)} MB  ${entry.command}`,
    );
  const quietStop = await interrupt(quiet);

  console.log(`Starting npm start with demo traffic for ${DEMO_SECONDS} s, then Ctrl-C…`);
  const busy = await startPlatform(['--no-history']);
  await sleep(DEMO_SECONDS * 1000);
  const stop = await interrupt(busy);
  const failedLines = busy.output.filter((line) => FAILED_BATCH.test(line));
  console.log(
    `  stopped in ${round(stop.stopMs / 1000, 1)} s, ended with ${stop.exitCode}, ${failedLines.length} failed-batch lines`,
  );
  for (const line of failedLines.slice(0, 10)) console.log(`    ${line}`);

  return {
    measuredAt,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryMb: Math.round(os.totalmem() / 1e6),
      node: process.version,
    },
    fresh: flags.fresh,
    start: { readySeconds: round(quiet.readyMs / 1000, 2), reportedReadySeconds: quiet.reportedReadySeconds },
    idle: { seconds: round(idleSeconds, 1), cores: idleCores, residentMb, processes },
    stopWithDemoTraffic: {
      demoSeconds: DEMO_SECONDS,
      stopSeconds: round(stop.stopMs / 1000, 2),
      exitCode: stop.exitCode,
      failedBatchLines: failedLines,
    },
    stopIdle: { stopSeconds: round(quietStop.stopMs / 1000, 2), exitCode: quietStop.exitCode },
    targets: { readySeconds: flags.fresh ? 40 : 10, idleCores: 0.03, residentMb: 1200 },
  };
};
let results: Awaited<ReturnType<typeof measure>>;
try {
  results = await measure();
} finally {
  if (setAside) {
    await rm(CACHE_DIR, { recursive: true, force: true });
    await rename(setAside, CACHE_DIR);
  }
}
const verdict = (value: number, target: number) => (value <= target ? 'met' : 'missed');
const markdown = [
  `# Idle benchmark, ${measuredAt}`,
  '',
  `${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryMb} MB, Node ${results.machine.node}.${results.fresh ? ' Caches set aside (a fresh clone).' : ' Warm caches.'}`,
  '',
  '| what | measured | target | |',
  '| --- | ---: | ---: | --- |',
  `| \`npm start\` ready | ${results.start.readySeconds} s | ≤ ${results.targets.readySeconds} s | ${verdict(results.start.readySeconds, results.targets.readySeconds)} |`,
  `| idle, all processes, over ${results.idle.seconds} s | ${results.idle.cores} cores | ≤ ${results.targets.idleCores} | ${verdict(results.idle.cores, results.targets.idleCores)} |`,
  `| resident memory, all processes | ${results.idle.residentMb} MB | ≤ ${results.targets.residentMb} MB | ${verdict(results.idle.residentMb, results.targets.residentMb)} |`,
  `| Ctrl-C after ${DEMO_SECONDS} s of demo traffic | ${results.stopWithDemoTraffic.stopSeconds} s, exit ${results.stopWithDemoTraffic.exitCode}, ${results.stopWithDemoTraffic.failedBatchLines.length} failed-batch lines | 0 lines | ${results.stopWithDemoTraffic.failedBatchLines.length === 0 ? 'met' : 'missed'} |`,
  '',
  '| process | cores idle | MB |',
  '| --- | ---: | ---: |',
  ...results.idle.processes.map(
    (entry) => `| \`${entry.command.replaceAll('|', '\\|')}\` | ${entry.cores} | ${entry.residentMb} |`,
  ),
  '',
].join('\n');
const files = await writeBenchResults(flags.fresh ? 'idle-fresh' : 'idle', results, markdown);
console.log(`Wrote ${files.map((file) => path.relative(ROOT, file)).join(', ')}`);
