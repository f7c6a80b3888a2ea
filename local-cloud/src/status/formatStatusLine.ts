import type { LocalCloud } from '../startLocalCloud.js';

export interface StatusSample {
  at: number;
  responses: Record<string, number>;
  delivered: number;
  lagMs: number;
  functionErrors: number;
  sentToOnFailure: number;
  /** Function instances alive */
  instances: number;
  residentBytes: number;
  cpuSeconds: number;
}

/** Reads the counters the status line is made of. */
export async function sampleStatus(
  cloud: Pick<LocalCloud, 'gateway' | 'mappings' | 'pools' | 'usage'>,
): Promise<StatusSample> {
  const mappingStats = cloud.mappings.map(({ mapping }) => mapping.stats());
  const usage = await cloud.usage();
  return {
    ...usage,
    instances: [...cloud.pools.values()].reduce((sum, pool) => sum + pool.size, 0),
    at: Date.now(),
    responses: { ...cloud.gateway.stats.byStatus },
    delivered: mappingStats.reduce((sum, stats) => sum + stats.delivered, 0),
    lagMs: Math.max(0, ...mappingStats.map((stats) => stats.lagMs)),
    functionErrors: [...cloud.pools.values()].reduce((sum, pool) => sum + pool.errors, 0),
    sentToOnFailure: mappingStats.reduce((sum, stats) => sum + stats.sentToOnFailure, 0),
  };
}

/**
 * One compact line: what the API accepted and refused per second, what the stream consumers
 * processed, how far behind they are, what failed, and what the local cloud's processes use.
 *
 * @example
 * formatStatusLine(previous, current)
 * // 'accepted 61/s  4xx 0/s  5xx 0/s | consumed 61 rec/s  lag 0 ms | function errors 0  failed batches 0 | 14 instances  612 MB  0.31 cores'
 */
export function formatStatusLine(previous: StatusSample, current: StatusSample): string {
  const seconds = Math.max(0.001, (current.at - previous.at) / 1000);
  const rate = (now: number, before: number) => Math.round((now - before) / seconds);
  const responses = (status: string) => rate(current.responses[status] ?? 0, previous.responses[status] ?? 0);
  return [
    `accepted ${responses('2xx')}/s  4xx ${responses('4xx')}/s  5xx ${responses('5xx')}/s`,
    `consumed ${rate(current.delivered, previous.delivered)} rec/s  lag ${current.lagMs} ms`,
    `function errors ${current.functionErrors}  failed batches ${current.sentToOnFailure}`,
    `${current.instances} instances  ${Math.round(current.residentBytes / 1e6)} MB  ${((current.cpuSeconds - previous.cpuSeconds) / seconds).toFixed(2)} cores`,
  ].join(' | ');
}
