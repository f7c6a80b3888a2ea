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
export async function withCpuCores<T>(pids: Record<string, number>, work: () => Promise<T>): Promise<{ result: T; cores: Record<string, number | undefined> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)]));
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const cores = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      const [start, end] = [before[name], processCpuSeconds(pid)];
      return [name, start === undefined || end === undefined ? undefined : Math.round(((end - start) / seconds) * 100) / 100];
    }),
  );
  return { result, cores };
}
