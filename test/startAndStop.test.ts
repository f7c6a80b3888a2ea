import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot, testDataRoot } from './support/startTestCloud.js';

/** What the local cloud logs when a stream trigger's batch fails, is given up on, or meets a stopped emulator. */
const FAILURE_LINE = /batch failed|dropping failed batch|shard read failed|ECONNREFUSED|did not start/;
const DEMO_SECONDS = 8;

/*
 * `npm start` as a user runs it: the whole platform with demo traffic, then Ctrl-C, which a terminal
 * sends as SIGINT to the whole foreground process group (npm, its shell, Node). Triggers stop first,
 * then functions, the gateway and the emulators, so nothing still running meets a stopped emulator.
 */
describe('npm start, with demo traffic, and Ctrl-C', () => {
  it('starts, serves demo traffic, and stops cleanly: no failed batch logged, no process left behind', async () => {
    // Prepare
    const dataDir = await mkdtemp(path.join(testDataRoot(), 'sdp-start-'));
    const child = spawn(
      'npm',
      ['start', '--', '--data-dir', dataDir, '--port', '0', '--kinesis-port', '0', '--dynamodb-port', '0', '--rate', '20', '--shop-rate', '2'],
      { cwd: repositoryRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' } },
    );
    const lines: string[] = [];
    let demoStarted: () => void = () => undefined;
    const demo = new Promise<void>((resolve) => (demoStarted = resolve));
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        lines.push(line);
        if (line.startsWith('Demo traffic:')) demoStarted();
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    // npm passes a Ctrl-C on by ending on SIGINT itself once its script has exited.
    const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
    try {
      await Promise.race([demo, exited]);

      // Act
      await new Promise((resolve) => setTimeout(resolve, DEMO_SECONDS * 1000));
      process.kill(-child.pid!, 'SIGINT');
      const ended = await exited;

      // Assess
      const stopped = lines.includes('Stopped.');
      const leftovers = await processesNaming(dataDir);
      expect({ ended: ['SIGINT', 'exit 0'].includes(ended), stopped, failures: lines.filter((line) => FAILURE_LINE.test(line)), leftovers, lastLines: stopped ? [] : lines.slice(-25) }).toStrictEqual({
        ended: true,
        stopped: true,
        failures: [],
        leftovers: [],
        lastLines: [],
      });
      expect(lines.some((line) => /^Local cloud up in [\d.]+ s/.test(line))).toBe(true);
    } finally {
      // Whatever is left of the process group (nothing, when the stop was clean).
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // ESRCH: the group is gone.
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

/** The command lines of the processes still running that name `text` (DynamoDB Local names its data directory). */
async function processesNaming(text: string): Promise<string[]> {
  // Linux tells through /proc; elsewhere there is nothing to read, and nothing is reported.
  const pids = await readdir('/proc').catch(() => [] as string[]);
  const commands = await Promise.all(
    pids.filter((name) => /^\d+$/.test(name)).map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')),
  );
  return commands.map((command) => command.replaceAll('\0', ' ').trim()).filter((command) => command.includes(text));
}
