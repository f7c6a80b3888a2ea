import type { FailedEvent } from '@sdp/shared-streams';

/** One consumer-progress entry as read back: a range of one shard, counted per ingest minute. */
export interface ProgressItem {
  functionName: string;
  shardId: string;
  firstSequence: string;
  lastSequence: string;
  windows: Record<string, number>;
  writtenAt: string;
}

export type ConsumerStatus = 'balanced' | 'in_flight' | 'over_counted';

export interface ConsumerBalance {
  processed: number;
  failed: number;
  /** accepted − processed − failed: still in the stream or in a batch being processed */
  in_flight: number;
  status: ConsumerStatus;
}

export interface WindowBalance {
  /** The minute of ingest time, e.g. `2026-11-22T10:04` (UTC) */
  window: string;
  accepted: number;
  consumers: Record<string, ConsumerBalance>;
}

export interface Reconciliation {
  from: string;
  to: string;
  consumers: string[];
  windows: WindowBalance[];
  totals: { accepted: number; consumers: Record<string, ConsumerBalance> };
  /** Every consumer has accounted for every accepted record: nothing in flight, nothing counted twice */
  balanced: boolean;
  /** Progress entries replaced by a later delivery of an overlapping range (they are not counted) */
  superseded_entries: number;
}

export interface ReconcileInput {
  from: Date;
  to: Date;
  consumers: readonly string[];
  /** Records accepted into the stream per ingest minute */
  accepted: ReadonlyMap<string, number>;
  progress: readonly ProgressItem[];
  failed: readonly FailedEvent[];
}

/**
 * Whether a minute (`2026-11-22T10:04`) starts in [the minute of `from`, `to`): the minute `to`
 * falls in is included when `to` is past its start, so "the last hour" includes the running minute.
 */
export function minutesStartingIn(from: Date, to: Date): (window: string) => boolean {
  const fromMinute = from.toISOString().slice(0, 16);
  return (window) => window >= fromMinute && Date.parse(`${window}:00.000Z`) < to.getTime();
}

/**
 * Per minute of ingest time, whether each consumer of the stream accounts for every record the
 * stream accepted: accepted = processed (including replayed) + failed (set aside, not yet
 * replayed) + in flight. A
 * negative in-flight count means a record was counted twice. Progress entries whose ranges overlap
 * (a re-delivery of a range that started elsewhere) count once, the latest written.
 *
 * @example
 * reconcile({ from, to, consumers: ['sdp-enrich-dev-joinEvents'], accepted, progress, failed }).balanced // true
 */
export function reconcile(input: ReconcileInput): Reconciliation {
  const inRange = minutesStartingIn(input.from, input.to);
  const { kept, superseded } = latestNonOverlapping(input.progress);

  const processed = new Map<string, Map<string, number>>();
  for (const item of kept) {
    for (const [window, count] of Object.entries(item.windows)) add(processed, item.functionName, window, count);
  }
  // A replayed record went through its consumer once (the replay's status change makes sure), in
  // the minute it was first accepted, whatever data the replay sent.
  const failed = new Map<string, Map<string, number>>();
  for (const event of input.failed) {
    if (event.status === 'retrying') continue;
    add(
      event.status === 'replayed' ? processed : failed,
      event.function_name,
      event.received_at?.slice(0, 16) ?? 'unknown',
      1,
    );
  }

  const windowNames = new Set([...input.accepted.keys()].filter(inRange));
  for (const byWindow of [...processed.values(), ...failed.values()])
    for (const window of byWindow.keys()) if (inRange(window)) windowNames.add(window);

  const totals = {
    accepted: 0,
    consumers: Object.fromEntries(input.consumers.map((name) => [name, balance(0, 0, 0)])),
  };
  const windows = [...windowNames].sort().map((window): WindowBalance => {
    const accepted = input.accepted.get(window) ?? 0;
    totals.accepted += accepted;
    const consumers = Object.fromEntries(
      input.consumers.map((name) => {
        const one = balance(accepted, processed.get(name)?.get(window) ?? 0, failed.get(name)?.get(window) ?? 0);
        const total = totals.consumers[name]!;
        totals.consumers[name] = balance(
          total.processed + total.failed + total.in_flight + accepted,
          total.processed + one.processed,
          total.failed + one.failed,
        );
        return [name, one];
      }),
    );
    return { window, accepted, consumers };
  });
  const balanced = windows.every((w) => Object.values(w.consumers).every((c) => c.status === 'balanced'));
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    consumers: [...input.consumers],
    windows,
    totals,
    balanced,
    superseded_entries: superseded,
  };
}

function balance(accepted: number, processed: number, failed: number): ConsumerBalance {
  const in_flight = accepted - processed - failed;
  return {
    processed,
    failed,
    in_flight,
    status: in_flight === 0 ? 'balanced' : in_flight > 0 ? 'in_flight' : 'over_counted',
  };
}

function add(map: Map<string, Map<string, number>>, name: string, window: string, count: number): void {
  const byWindow = map.get(name) ?? new Map<string, number>();
  byWindow.set(window, (byWindow.get(window) ?? 0) + count);
  map.set(name, byWindow);
}

/** Per consumer and shard, in stream order, the entries left when each overlap keeps its latest-written entry. */
function latestNonOverlapping(items: readonly ProgressItem[]): { kept: ProgressItem[]; superseded: number } {
  const groups = new Map<string, ProgressItem[]>();
  for (const item of items) {
    const key = `${item.functionName}\n${item.shardId}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const kept: ProgressItem[] = [];
  let superseded = 0;
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => compareSequence(a.firstSequence, b.firstSequence));
    const chosen: ProgressItem[] = [];
    for (const item of ordered) {
      const previous = chosen.at(-1);
      if (previous && compareSequence(item.firstSequence, previous.lastSequence) <= 0) {
        superseded++;
        if (item.writtenAt > previous.writtenAt) chosen[chosen.length - 1] = item;
        continue;
      }
      chosen.push(item);
    }
    kept.push(...chosen);
  }
  return { kept, superseded };
}

function compareSequence(a: string, b: string): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
