import { mkdtemp, open, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { packageAll, type PackageResult } from '@sdp/local-cloud';
import { RUN_DIR_VARIABLE } from './sharedCloudProcess.js';

const root = path.resolve(__dirname, '../..');

/** How long a suite waits for the run's packaging, which takes about half a minute on two cores. */
export const PACKAGING_TIMEOUT_MS = 480_000;

const LOCK_FILE = 'packaged-services.lock';
const RESULTS_FILE = 'packaged-services.json';
const STAGING_DIR = 'packaged-services';

type PackagedFile = { packaged: PackageResult[] } | { failed: string };

/**
 * `serverless package` of every service (see packageAll), once per Jest run for every suite that
 * asks, in whichever worker: packaging all 14 services keeps both cores busy for about half a
 * minute, and the suites only read what it leaves. The first caller takes a lock in the run's
 * directory (set by the global setup, see test/support/sharedCloudProcess.ts) and packages into
 * stand-ins there, so the services' own `.serverless/` and `dist/` stay as they are; the others
 * wait for its results file, which carries the error instead when packaging throws. A suite run
 * without the global setup packages into a temp dir of its own, left in the OS temp dir.
 *
 * @example
 * const results = await packagedServices();
 * const ingest = results.find((r) => r.service === 'ingest')!;
 * await readFile(path.join(ingest.packageDir, 'cloudformation-template-update-stack.json'), 'utf8');
 */
export async function packagedServices(): Promise<PackageResult[]> {
  const runDir = process.env[RUN_DIR_VARIABLE] ?? (await mkdtemp(path.join(os.tmpdir(), 'sdp-packaged-')));
  const results = path.join(runDir, RESULTS_FILE);
  if (!(await takeLock(path.join(runDir, LOCK_FILE)))) return waitForResults(results);
  try {
    const packaged = await packageAll(root, 'dev', { stagingDir: path.join(runDir, STAGING_DIR) });
    await publish(results, { packaged });
    return packaged;
  } catch (error) {
    await publish(results, { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    throw error;
  }
}

/** True when this caller created the lock file, false when another already had. */
async function takeLock(lockPath: string): Promise<boolean> {
  try {
    await (await open(lockPath, 'wx')).close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Written to a temp file and renamed, so that a waiter never reads half a file. */
async function publish(file: string, content: PackagedFile): Promise<void> {
  await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(content));
  await rename(`${file}.${process.pid}.tmp`, file);
}

async function waitForResults(file: string): Promise<PackageResult[]> {
  const deadline = Date.now() + PACKAGING_TIMEOUT_MS;
  for (;;) {
    const content = await readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as PackagedFile,
      () => undefined,
    );
    if (content && 'failed' in content)
      throw new Error(`Packaging the services failed in another suite: ${content.failed}`);
    if (content) return content.packaged;
    if (Date.now() > deadline)
      throw new Error(`Another suite's packaging of the services did not finish within ${PACKAGING_TIMEOUT_MS} ms.`);
    await sleep(250);
  }
}
