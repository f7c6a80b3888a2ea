import type { AppliedCondition, WindowIncrements, WindowKey, WindowTable, WindowUpdate } from '../../src/domain/types.js';

/** A stored window as the fake keeps it: the item's attributes, `applied_<shardId>` included. */
export type FakeItem = Record<string, string | number>;

export interface FakeWindowTable extends WindowTable {
  /** Items by `<campaignItemId> <windowStart>`, sorted, for whole-table assertions */
  items(): Record<string, FakeItem>;
  /** Makes the next calls for one campaign reject with `error` (a throttle, a timeout) */
  failFor(campaignItemId: number, error: Error, options?: { afterWrite?: boolean }): void;
  /** Ends every failure set with `failFor`, as when the throttle passes */
  clearFailures(): void;
  /** Runs before every read of the slow path, e.g. to let a concurrent writer move the marker */
  beforeRead?: (key: WindowKey) => void;
  /** Adds to an item directly, as another writer would */
  write(update: WindowUpdate): void;
}

/**
 * An in-memory aggregations table with DynamoDB's conditional `UpdateItem` semantics as
 * `dynamoDbWindowTable` uses them: the condition is checked against the shard's applied sequence
 * number, and when it holds the increments and the new marker are applied together.
 */
export function fakeWindowTable(): FakeWindowTable {
  const store = new Map<string, FakeItem>();
  const failures = new Map<number, { error: Error; afterWrite: boolean }>();
  const keyOf = (key: WindowKey) => `${key.campaignItemId} ${key.windowStart}`;
  const applied = (key: WindowKey) => store.get(keyOf(key))?.[`applied_${key.shardId}`] as string | undefined;
  const holds = (current: string | undefined, condition: AppliedCondition) =>
    'below' in condition ? current === undefined || current < condition.below : current === condition.equals;

  const table: FakeWindowTable = {
    write(update) {
      const item = store.get(keyOf(update)) ?? { campaign_item_id: update.campaignItemId, window_start: update.windowStart };
      for (const name of ['bids', 'impressions', 'clicks', 'spend'] as (keyof WindowIncrements)[]) {
        item[name] = ((item[name] as number | undefined) ?? 0) + update.increments[name];
      }
      Object.assign(item, {
        [`applied_${update.shardId}`]: update.appliedThrough,
        window_end: update.windowEnd,
        window_day: update.windowDay,
        period_minutes: update.periodMinutes,
        updated_at: update.updatedAt,
      });
      store.set(keyOf(update), item);
    },
    async addIfApplied(update, condition) {
      const failure = failures.get(update.campaignItemId);
      if (failure && !failure.afterWrite) throw failure.error;
      if (!holds(applied(update), condition)) return false;
      table.write(update);
      // A lost acknowledgement: the write happened, the caller hears an error.
      if (failure) throw failure.error;
      return true;
    },
    async readApplied(key) {
      table.beforeRead?.(key);
      const failure = failures.get(key.campaignItemId);
      if (failure && !failure.afterWrite) throw failure.error;
      return applied(key);
    },
    items() {
      return Object.fromEntries([...store].sort(([a], [b]) => a.localeCompare(b)));
    },
    failFor(campaignItemId, error, { afterWrite = false } = {}) {
      failures.set(campaignItemId, { error, afterWrite });
    },
    clearFailures() {
      failures.clear();
    },
  };
  return table;
}
