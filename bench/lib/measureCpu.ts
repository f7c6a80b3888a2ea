import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system, all threads) a process has used so far, from /proc on Linux; undefined
 * elsewhere. Used to tell how much of the machine a server took, not only how fast it answered.
 */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Runs `work` and reports the average number of cores each process used meanwhile (undefined off Linux). */
export async function withCpuCores<T>(
  pids: Record<string, number>,
  work: () => Promise<T>,
): Promise<{ result: T; cores: Record<string, number | undefined> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)]));
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const cores = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      const [start, end] = [before[name], processCpuSeconds(pid)];
      return [
        name,
        start === undefined || end === undefined ? undefined : Math.round(((end - start) / seconds) * 100) / 100,
      ];
    }),
  );
  return { result, cores };
}

/**
 * CPU seconds the whole machine has spent busy (everything but idle and I/O wait) and in all, over
 * all cores, from /proc/stat on Linux; undefined elsewhere. Two readings give how many cores were
 * busy in between, whoever used them: `(b.busy - a.busy) / (b.total - a.total) * os.cpus().length`.
 */
export function machineCpuSeconds(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = fields[3]! + fields[4]!;
    return { busy: (total - idle) / CLOCK_TICKS_PER_SECOND, total: total / CLOCK_TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}
