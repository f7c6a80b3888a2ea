import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { machineCpuSeconds, processCpuSeconds } from '../../bench/lib/measureCpu.ts';
import { round } from '../../bench/lib/statistics.ts';
import type { ArtilleryReport, EnsureCheck } from './types.ts';

const ARTILLERY_BIN = createRequire(import.meta.url).resolve('artillery/bin/run');
const TELEMETRY_STUB = pathToFileURL(path.join(import.meta.dirname, 'disableArtilleryTelemetry.mjs')).href;
/** Lines of Artillery's console output worth echoing while it runs; the rest goes to the log file. */
const ECHOED = /^(Phase (started|completed)|Checks:|ok: |fail: |worker error|Error|WARNING)/;

export interface ArtilleryRunOptions {
  scenarioFile: string;
  target: string;
  apiKey: string;
  /** Merged into the scenario file (`--overrides`), e.g. `{ config: { phases: [...] } }` */
  overrides?: object;
  /** Where the JSON report goes */
  reportFile: string;
  /** Where Artillery's whole console output goes */
  logFile: string;
  /** Artillery is stopped (SIGTERM, then SIGKILL) if it runs longer */
  timeoutMs: number;
  /** Printed before each echoed line */
  label: string;
}

export interface ArtilleryRun {
  report: ArtilleryReport;
  exitCode: number;
  checks: EnsureCheck[];
  loadGeneratorCores?: number;
  machineBusyCores?: number;
}

/**
 * Runs `artillery run` in a child process with the key in `SDP_API_KEY`, Artillery's telemetry off
 * (the variable, and a preload that stubs its PostHog client, which the variable alone does not
 * silence), and a hard time limit, then reads its JSON report. Resolves even when a check failed
 * (exit code 1); rejects when Artillery wrote no report.
 */
export async function runArtillery(options: ArtilleryRunOptions): Promise<ArtilleryRun> {
  const args = [
    '--import',
    TELEMETRY_STUB,
    ARTILLERY_BIN,
    'run',
    '--output',
    options.reportFile,
    '--target',
    options.target,
  ];
  if (options.overrides) args.push('--overrides', JSON.stringify(options.overrides));
  args.push(options.scenarioFile);
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      SDP_API_KEY: options.apiKey,
      ARTILLERY_DISABLE_TELEMETRY: 'true',
      NODE_NO_WARNINGS: '1',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile);
  const checks: EnsureCheck[] = [];
  const tail: string[] = [];
  const onLine = (line: string): void => {
    log.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 20) tail.shift();
    const check = /^(ok|fail): (.+)$/.exec(line);
    if (check) checks.push({ check: check[2]!, passed: check[1] === 'ok' });
    if (ECHOED.test(line)) console.log(`  [${options.label}] ${line}`);
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  // Sampled while it runs: /proc/<pid> is gone once it has exited.
  const machineAtStart = machineCpuSeconds();
  let childCpuSeconds = processCpuSeconds(child.pid!);
  let machineLast = machineAtStart;
  const sampler = setInterval(() => {
    childCpuSeconds = processCpuSeconds(child.pid!) ?? childCpuSeconds;
    machineLast = machineCpuSeconds() ?? machineLast;
  }, 500);
  const started = performance.now();
  let timedOut = false;
  const terminate = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  }, options.timeoutMs);

  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  clearInterval(sampler);
  clearTimeout(terminate);
  await new Promise((resolve) => log.end(resolve));
  const seconds = (performance.now() - started) / 1000;

  const report = await readFile(options.reportFile, 'utf8').then(
    (text) => JSON.parse(text) as ArtilleryReport,
    () => undefined,
  );
  if (!report) {
    const why = timedOut
      ? `was stopped after ${Math.round(options.timeoutMs / 1000)} s`
      : `exited with code ${exitCode}`;
    throw new Error(
      `Artillery ${why} without a report; its last lines (all in ${options.logFile}):\n${tail.join('\n')}`,
    );
  }
  const machineCores =
    machineAtStart && machineLast && machineLast.total > machineAtStart.total
      ? ((machineLast.busy - machineAtStart.busy) / (machineLast.total - machineAtStart.total)) * os.cpus().length
      : undefined;
  return {
    report,
    exitCode,
    checks,
    ...(childCpuSeconds === undefined ? {} : { loadGeneratorCores: round(childCpuSeconds / seconds, 2) }),
    ...(machineCores === undefined ? {} : { machineBusyCores: round(machineCores, 2) }),
  };
}
