import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HostMessage, HostOptions, LocalCloudDescription } from '@sdp/local-cloud';

/*
 * The shared cloud's process, for Jest's global setup and teardown. Jest loads those without its
 * module name mapping, so this module imports nothing of the repository's but types.
 */

const repositoryRoot = path.resolve(__dirname, '../..');

/**
 * Where test clouds keep their data: /dev/shm (memory) where the machine has it, since DynamoDB
 * Local syncs every write to disk and the tests prove behaviour, not the disk; the OS temp dir elsewhere.
 */
export function testDataRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
}

/**
 * The settings of the cloud the suites share: 3-second join timeouts, so that late arrivals in a
 * test of a minute really miss their join, lake batches of a second, and erasures that start 2 s after
 * their tombstone.
 */
export const SHARED_CLOUD_PARAMS = {
  enrich: { bidsSessionTimeoutMinutes: '0.05', clicksSessionTimeoutMinutes: '0.05' },
  lake: { lakeBatchWindowSeconds: '1', bidsSessionTimeoutMinutes: '0.05', clicksSessionTimeoutMinutes: '0.05' },
  // The erasure suite's erasures start removing data 2 s after their tombstone, not 60 s.
  ops: { erasureSettleSeconds: '2' },
};

/** Where the global setup tells the suites (jest workers) how to reach the shared cloud. */
export const RUN_DIR_VARIABLE = 'SDP_SHARED_CLOUD_DIR';
export const DESCRIPTION_FILE = 'shared-cloud.json';

export type SharedCloudFile = { ready: LocalCloudDescription & { controlUrl: string } } | { failed: string };

/**
 * Starts the shared cloud in a process of its own and returns at once: suites wait for it only when
 * they first ask for it, so suites with clouds of their own start meanwhile. Jest's global setup.
 */
export async function launchSharedCloud(): Promise<{ child: ChildProcess; runDir: string }> {
  const runDir = await mkdtemp(path.join(testDataRoot(), 'sdp-shared-'));
  // It lives for one run: its tables in memory, and its function instances kept for the suites that come later.
  const options: HostOptions = {
    root: repositoryRoot,
    dataDir: path.join(runDir, 'cloud'),
    port: 0,
    dynamoDbInMemory: true,
    instanceIdleTimeoutMs: 0,
    paramOverrides: SHARED_CLOUD_PARAMS,
    // The platform's hooks (tools/local/src/platformHooks.ts), named by path: a module is not imported here.
    hooks: { module: path.join(repositoryRoot, 'tools/local/src/platformHooks.ts'), exportName: 'platformHooks' },
  };
  const child = fork(require.resolve('@sdp/local-cloud/host'), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const publish = async (content: SharedCloudFile): Promise<void> => {
    const file = path.join(runDir, DESCRIPTION_FILE);
    await writeFile(`${file}.tmp`, JSON.stringify(content));
    await rename(`${file}.tmp`, file);
  };
  let told = false;
  child.on('message', (message: HostMessage) => {
    told = true;
    void publish(message);
  });
  child.once('exit', (code, signal) => {
    if (!told)
      void publish({
        failed: `the shared cloud's process exited before it was ready (code ${code}, signal ${signal})`,
      });
  });
  process.env[RUN_DIR_VARIABLE] = runDir;
  return { child, runDir };
}

/** Stops the shared cloud and removes its data. Jest's global teardown. */
export async function stopSharedCloud({ child, runDir }: { child: ChildProcess; runDir: string }): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.connected) child.send({ stop: true });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  }
  await rm(runDir, { recursive: true, force: true });
}
