import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { processUsage } from '../src/status/processUsage.js';

/** Keeps this thread's CPU busy until the process has used `ms` more CPU time (wall time may be longer on a loaded machine). */
const burnCpu = (ms: number): void => {
  const start = process.cpuUsage();
  let spin = 0;
  while (process.cpuUsage(start).user + process.cpuUsage(start).system < ms * 1_000) spin += Math.sqrt(spin + 1);
};

/** Above Linux's largest pid_max (2^22), so no process has it. */
const NO_SUCH_PID = 4_194_305;

describe('processUsage', () => {
  it('reports this process’s resident memory, in line with Node’s own figure', async () => {
    // Act
    const usage = await processUsage([process.pid]);

    // Assess
    const rss = process.memoryUsage().rss;
    expect(usage.residentBytes).toBeGreaterThan(0);
    expect(usage.residentBytes).toBeGreaterThan(rss / 2);
    expect(usage.residentBytes).toBeLessThan(rss * 2);
    expect(usage.cpuSeconds).toBeGreaterThan(0);
  });

  it('counts the CPU time spent by busy work', async () => {
    // Prepare
    const before = await processUsage([process.pid]);

    // Act
    burnCpu(300);
    const after = await processUsage([process.pid]);

    // Assess
    // /proc counts in 10 ms ticks; the busy loop alone used 300 ms.
    expect(after.cpuSeconds - before.cpuSeconds).toBeGreaterThanOrEqual(0.25);
    expect(after.cpuSeconds - before.cpuSeconds).toBeLessThan(30);
  });

  it('adds up several processes, and counts a process that is gone as nothing', async () => {
    // Prepare
    const child = spawn('sleep', ['10'], { stdio: 'ignore' });
    await once(child, 'spawn');
    try {
      // Act
      const [own, ofChild, gone, together] = await Promise.all([
        processUsage([process.pid]),
        processUsage([child.pid!]),
        processUsage([NO_SUCH_PID]),
        processUsage([process.pid, child.pid!, NO_SUCH_PID]),
      ]);

      // Assess
      expect(gone).toStrictEqual({ residentBytes: 0, cpuSeconds: 0 });
      expect(ofChild.residentBytes).toBeGreaterThan(0);
      expect(ofChild.residentBytes).toBeLessThan(own.residentBytes);
      // Memory moves between the reads: allow 10% of it.
      expect(Math.abs(together.residentBytes - (own.residentBytes + ofChild.residentBytes))).toBeLessThan(
        own.residentBytes / 10,
      );
      expect(together.cpuSeconds).toBeGreaterThanOrEqual(own.cpuSeconds + ofChild.cpuSeconds - 0.05);
    } finally {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    }
  });

  it('is zero for no processes', async () => {
    // Act
    const usage = await processUsage([]);

    // Assess
    expect(usage).toStrictEqual({ residentBytes: 0, cpuSeconds: 0 });
  });
});
