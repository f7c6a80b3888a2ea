import type { ProductWindowCount, ProductWindowCounter } from '../../src/domain/types.js';

export interface FakeProductWindowCounter extends ProductWindowCounter {
  /** Windows by `<productId> <windowStart>` with their counts, sorted */
  windows(): Record<string, Record<string, number>>;
  /** Every transaction tried, in order, and whether it applied */
  transactions: { productId: string; eventKeys: string[]; applied: boolean }[];
  /** Makes the next transactions of one product reject with `error`; with `afterWrite`, after applying (a lost acknowledgement) */
  failFor(productId: string, error: Error, options?: { afterWrite?: boolean }): void;
  clearFailures(): void;
}

/**
 * An in-memory product windows table and counted events table with the semantics of the
 * `TransactWriteItems` that `dynamoDbProductWindowCounter` sends: all or nothing, and when keys were
 * claimed before, nothing is written and they are named.
 */
export function fakeProductWindowCounter(): FakeProductWindowCounter {
  const windows = new Map<string, Record<string, number>>();
  const claimed = new Set<string>();
  const failures = new Map<string, { error: Error; afterWrite: boolean }>();
  const apply = (count: ProductWindowCount) => {
    for (const key of count.eventKeys) claimed.add(key);
    const id = `${count.productId} ${count.windowStart}`;
    const window = windows.get(id) ?? {};
    for (const [name, value] of Object.entries(count.increments)) window[name] = (window[name] ?? 0) + value;
    windows.set(id, window);
  };
  const counter: FakeProductWindowCounter = {
    transactions: [],
    async countOnce(count) {
      if (new Set(count.eventKeys).size !== count.eventKeys.length) throw new Error('Transaction request cannot include multiple operations on one item');
      if (count.eventKeys.length + 1 > 100) throw new Error('Member must have length less than or equal to 100');
      const failure = failures.get(count.productId);
      const alreadyCounted = count.eventKeys.filter((key) => claimed.has(key));
      const applies = alreadyCounted.length === 0 && !(failure && !failure.afterWrite);
      counter.transactions.push({ productId: count.productId, eventKeys: count.eventKeys, applied: applies });
      if (failure && !failure.afterWrite) throw failure.error;
      if (!applies) return { alreadyCounted };
      apply(count);
      if (failure) throw failure.error;
      return { alreadyCounted: [] };
    },
    windows: () => Object.fromEntries([...windows].sort(([a], [b]) => a.localeCompare(b))),
    failFor(productId, error, { afterWrite = false } = {}) {
      failures.set(productId, { error, afterWrite });
    },
    clearFailures() {
      failures.clear();
    },
  };
  return counter;
}
