import type { FailedEvent, FailedEventStatus } from '@sdp/shared-streams';

export type StatusCounts = Record<FailedEventStatus, number>;

export interface FailedEventCounts extends StatusCounts {
  by_function: ({ function_name: string } & StatusCounts)[];
}

const zero = (): StatusCounts => ({ retrying: 0, failed: 0, replaying: 0, replayed: 0 });

/**
 * Failed events per status, overall and per consumer function (sorted by name).
 *
 * @example
 * countFailedEvents(items) // { retrying: 0, failed: 1, replaying: 0, replayed: 2, by_function: [{ function_name: 'sdp-enrich-dev-joinEvents', failed: 1, … }] }
 */
export function countFailedEvents(items: readonly FailedEvent[]): FailedEventCounts {
  const total = zero();
  const byFunction = new Map<string, StatusCounts>();
  for (const { function_name, status } of items) {
    total[status] += 1;
    const counts = byFunction.get(function_name) ?? zero();
    counts[status] += 1;
    byFunction.set(function_name, counts);
  }
  const by_function = [...byFunction]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([function_name, counts]) => ({ function_name, ...counts }));
  return { ...total, by_function };
}
