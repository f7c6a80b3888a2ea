import type { WindowCount, WindowCounter, WindowIncrements } from '../../src/domain/types.js';

/** A stored window as the fake keeps it: the item's attributes. */
export type FakeItem = Record<string, string | number>;

export interface FakeWindowCounter extends WindowCounter {
  /** Windows by `<campaignItemId> <windowStart>`, sorted, for whole-table assertions */
  items(): Record<string, FakeItem>;
  /** Claimed event keys with their `expires_at`, sorted */
  countedEvents(): Record<string, number>;
  /** Every transaction tried, in order: its campaign, event keys and whether it applied */
  transactions: { campaignItemId: number; eventKeys: string[]; applied: boolean }[];
  /** Makes the next transactions of one campaign reject with `error` (a throttle, a conflict, a timeout) */
  failFor(campaignItemId: number, error: Error, options?: { afterWrite?: boolean }): void;
  /** Ends every failure set with `failFor`, as when the throttle passes */
  clearFailures(): void;
}

/**
 * An in-memory aggregations table and counted events table with the semantics of the
 * `TransactWriteItems` that `dynamoDbWindowCounter` sends: a conditional put per event key and one
 * `ADD` to the window, all or nothing; when keys exist, nothing is written and they are named (as
 * `ConditionalCheckFailed` cancellation reasons).
 */
export function fakeWindowCounter(): FakeWindowCounter {
  const windows = new Map<string, FakeItem>();
  const claimed = new Map<string, number>();
  const failures = new Map<number, { error: Error; afterWrite: boolean }>();
  const sorted = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));

  const apply = (count: WindowCount) => {
    for (const key of count.eventKeys) claimed.set(key, count.expiresAt);
    const id = `${count.campaignItemId} ${count.windowStart}`;
    const item = windows.get(id) ?? { campaign_item_id: count.campaignItemId, window_start: count.windowStart };
    for (const name of ['bids', 'impressions', 'clicks', 'spend'] as (keyof WindowIncrements)[]) {
      item[name] = ((item[name] as number | undefined) ?? 0) + count.increments[name];
    }
    Object.assign(item, { window_end: count.windowEnd, window_day: count.windowDay, period_minutes: count.periodMinutes, updated_at: count.updatedAt });
    windows.set(id, item);
  };

  const counter: FakeWindowCounter = {
    transactions: [],
    async countOnce(count) {
      if (new Set(count.eventKeys).size !== count.eventKeys.length) throw new Error('Transaction request cannot include multiple operations on one item');
      if (count.eventKeys.length + 1 > 100) throw new Error('Member must have length less than or equal to 100');
      const failure = failures.get(count.campaignItemId);
      const alreadyCounted = count.eventKeys.filter((key) => claimed.has(key));
      const applies = alreadyCounted.length === 0 && !(failure && !failure.afterWrite);
      counter.transactions.push({ campaignItemId: count.campaignItemId, eventKeys: count.eventKeys, applied: applies });
      if (failure && !failure.afterWrite) throw failure.error;
      if (!applies) return { alreadyCounted };
      apply(count);
      // A lost acknowledgement: the transaction happened, the caller hears an error.
      if (failure) throw failure.error;
      return { alreadyCounted: [] };
    },
    items: () => sorted(windows),
    countedEvents: () => sorted(claimed),
    failFor(campaignItemId, error, { afterWrite = false } = {}) {
      failures.set(campaignItemId, { error, afterWrite });
    },
    clearFailures() {
      failures.clear();
    },
  };
  return counter;
}
