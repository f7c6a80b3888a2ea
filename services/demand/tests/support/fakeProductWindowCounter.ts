import { isReplayShard, originalShardOf, streamPosition, watermarkAttributeOf } from '@sdp/shared-streams';
import { demandIncrements } from '../../src/domain/demandIncrements.js';
import type { DemandIncrements, ProductWindowCounter, SessionDecisions } from '../../src/domain/types.js';

export interface FakeProductWindowCounter extends ProductWindowCounter {
  /** Each window's counts by `<productId> <windowStart>`, without bookkeeping, sorted */
  windows(): Record<string, DemandIncrements>;
  /** Every write tried, in order: its product and how many records it added */
  writes: { productId: string; records: number }[];
  /** Makes the next writes of one product reject with `error`; `afterWrite`: the write happens, its answer is lost */
  failFor(productId: string, error: Error, options?: { afterWrite?: boolean }): void;
  clearFailures(): void;
}

/**
 * An in-memory product windows table with the semantics of `addAbovePosition`: per window and shard,
 * records at or below the stored position are skipped and the rest are added in one write.
 */
export function fakeProductWindowCounter(): FakeProductWindowCounter {
  const items = new Map<
    string,
    { counts: DemandIncrements; positions: Record<string, string>; replayed: Set<string> }
  >();
  const failures = new Map<string, { error: Error; afterWrite: boolean }>();
  const counter: FakeProductWindowCounter = {
    writes: [],
    async count(window, records) {
      const id = `${window.productId} ${window.windowStart}`;
      const item = items.get(id) ?? { counts: demandIncrements([]), positions: {}, replayed: new Set<string>() };
      const replayIdOf = (shardId: string, sequenceNumber: string) =>
        `${originalShardOf(shardId)}#${streamPosition(sequenceNumber)}`;
      const fresh = records.filter((record) =>
        isReplayShard(record.shardId)
          ? !item.replayed.has(replayIdOf(record.shardId, record.sequenceNumber))
          : streamPosition(record.sequenceNumber) > (item.positions[watermarkAttributeOf(record.shardId)] ?? ''),
      );
      const failure = failures.get(window.productId);
      counter.writes.push({ productId: window.productId, records: fresh.length });
      if (failure && !failure.afterWrite) throw failure.error;
      const added = demandIncrements(fresh.map((record) => record.value));
      for (const name of Object.keys(added) as (keyof DemandIncrements)[]) item.counts[name] += added[name];
      for (const record of fresh) {
        if (isReplayShard(record.shardId)) item.replayed.add(replayIdOf(record.shardId, record.sequenceNumber));
        else item.positions[watermarkAttributeOf(record.shardId)] = streamPosition(record.sequenceNumber);
      }
      items.set(id, item);
      if (failure) throw failure.error;
      return { counted: fresh.length, duplicates: records.length - fresh.length };
    },
    windows: () =>
      Object.fromEntries([...items].sort(([a], [b]) => a.localeCompare(b)).map(([id, { counts }]) => [id, counts])),
    failFor(productId, error, { afterWrite = false } = {}) {
      failures.set(productId, { error, afterWrite });
    },
    clearFailures() {
      failures.clear();
    },
  };
  return counter;
}

/**
 * Sessions' decisions in memory: every record given is decided (up to its position), and those
 * named as `notAdded` were not added; a user may be taken for a bot by its rate.
 */
export function fakeSessionVerdicts() {
  const decided = new Map<string, SessionDecisions>();
  const decide = (userId: string, shardId: string, sequenceNumber: string, added: boolean) => {
    const decisions = decided.get(userId) ?? { positions: {}, skipped: new Set<string>() };
    const position = streamPosition(sequenceNumber);
    if (position > (decisions.positions[shardId] ?? '')) decisions.positions[shardId] = position;
    if (!added) decisions.skipped.add(`${shardId} ${position}`);
    decided.set(userId, decisions);
  };
  /** Sessions took the user for a bot by its rate: its events from `sinceMs` on, on a shard from `from` on */
  const takeForBot = (userId: string, bot: NonNullable<SessionDecisions['bot']>) => {
    decided.set(userId, { ...(decided.get(userId) ?? { positions: {}, skipped: new Set<string>() }), bot });
  };
  return {
    decide,
    takeForBot,
    async load(userIds: readonly string[]) {
      return new Map(
        userIds.flatMap((userId) => (decided.has(userId) ? [[userId, decided.get(userId)!] as const] : [])),
      );
    },
  };
}
