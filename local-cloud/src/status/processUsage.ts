import { readFile } from 'node:fs/promises';

/** What some processes use together: resident memory now, and CPU time since they started. */
export interface ProcessUsage {
  residentBytes: number;
  cpuSeconds: number;
}

/** Linux's clock ticks per second (`getconf CLK_TCK`), which /proc/<pid>/stat counts CPU time in. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The resident memory and CPU time of these processes together (Linux: /proc/<pid>/status and
 * /proc/<pid>/stat; elsewhere this process's own figures only). Worker threads count with their process.
 *
 * @example
 * ```ts
 * const { residentBytes, cpuSeconds } = await processUsage([process.pid, dynamoDbPid]);
 * ```
 */
export async function processUsage(pids: readonly number[]): Promise<ProcessUsage> {
  const usages = await Promise.all(pids.map(usageOf));
  return usages.reduce(
    (sum, usage) => ({
      residentBytes: sum.residentBytes + usage.residentBytes,
      cpuSeconds: sum.cpuSeconds + usage.cpuSeconds,
    }),
    {
      residentBytes: 0,
      cpuSeconds: 0,
    },
  );
}

async function usageOf(pid: number): Promise<ProcessUsage> {
  const [status, stat] = await Promise.all([
    readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined),
    readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined),
  ]);
  const kibibytes = status === undefined ? undefined : /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  // Fields after the command name (which may hold spaces) in parentheses: utime and stime are the 12th and 13th.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (kibibytes !== undefined && fields !== undefined) {
    return {
      residentBytes: Number(kibibytes) * 1024,
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
    };
  }
  if (pid !== process.pid) return { residentBytes: 0, cpuSeconds: 0 };
  const { user, system } = process.cpuUsage();
  return { residentBytes: process.memoryUsage().rss, cpuSeconds: (user + system) / 1e6 };
}
