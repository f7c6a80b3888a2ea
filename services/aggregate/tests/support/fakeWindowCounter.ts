import { isReplayShard, originalShardOf, streamPosition, watermarkAttributeOf } from '@sdp/shared-streams';
import { countIncrements } from '../../src/domain/countIncrements.js';
import type { WindowCounter, WindowIncrements } from '../../src/domain/types.js';

/** A stored window as the fake keeps it: the item's attributes. */
export type FakeItem = Record<string, string | number | string[]>;

export interface FakeWindowCounter extends WindowCounter {
  /** Windows by `<campaignItemId> <windowStart>`, sorted, for whole-table assertions */
  items(): Record<string, FakeItem>;
  /** Every write tried, in order: its campaign, how many records it carried and whether it applied */
  writes: { campaignItemId: number; records: number; applied: boolean }[];
  /** Makes the next writes of one campaign reject with `error` (a throttle, a timeout); `afterWrite`: the write happens, its answer is lost */
  failFor(campaignItemId: number, error: Error, options?: { afterWrite?: boolean }): void;
  /** Ends every failure set with `failFor`, as when the throttle passes */
  clearFailures(): void;
}

/**
 * An in-memory aggregations table with the semantics of `addAbovePosition`: per window and shard,
 * records at or below the stored watermark are skipped and the rest are added in one write that
 * raises it; a replayed record is added once, by its place in the window's `replayed` set.
 */
export function fakeWindowCounter(): FakeWindowCounter {
  const windows = new Map<string, FakeItem>();
  const failures = new Map<number, { error: Error; afterWrite: boolean }>();

  const counter: FakeWindowCounter = {
    writes: [],
    async count(window, records, updatedAt) {
      const id = `${window.campaignItemId} ${window.windowStart}`;
      const item: FakeItem = {
        ...(windows.get(id) ?? { campaign_item_id: window.campaignItemId, window_start: window.windowStart }),
      };
      const fresh = records.filter((record) => {
        if (isReplayShard(record.shardId))
          return !((item.replayed as string[] | undefined) ?? []).includes(
            replayIdOf(record.shardId, record.sequenceNumber),
          );
        const watermark = item[watermarkAttributeOf(record.shardId)] as string | undefined;
        return watermark === undefined || streamPosition(record.sequenceNumber) > watermark;
      });
      const failure = failures.get(window.campaignItemId);
      counter.writes.push({
        campaignItemId: window.campaignItemId,
        records: fresh.length,
        applied: !(failure && !failure.afterWrite) && fresh.length > 0,
      });
      if (failure && !failure.afterWrite) throw failure.error;
      if (fresh.length > 0) {
        const increments = countIncrements(fresh.map((record) => record.value));
        for (const name of ['bids', 'impressions', 'clicks', 'spend'] as (keyof WindowIncrements)[])
          item[name] = ((item[name] as number | undefined) ?? 0) + increments[name];
        Object.assign(item, {
          window_end: window.windowEnd,
          window_day: window.windowDay,
          period_minutes: window.periodMinutes,
          updated_at: updatedAt,
        });
        for (const record of fresh) {
          if (isReplayShard(record.shardId))
            item.replayed = [
              ...((item.replayed as string[] | undefined) ?? []),
              replayIdOf(record.shardId, record.sequenceNumber),
            ];
          else item[watermarkAttributeOf(record.shardId)] = streamPosition(record.sequenceNumber);
        }
        windows.set(id, item);
      }
      // A lost acknowledgement: the write happened, the caller hears an error.
      if (failure) throw failure.error;
      return { counted: fresh.length, duplicates: records.length - fresh.length };
    },
    items: () => Object.fromEntries([...windows].sort(([a], [b]) => a.localeCompare(b))),
    failFor(campaignItemId, error, { afterWrite = false } = {}) {
      failures.set(campaignItemId, { error, afterWrite });
    },
    clearFailures() {
      failures.clear();
    },
  };
  return counter;
}

function replayIdOf(shardId: string, sequenceNumber: string): string {
  return `${originalShardOf(shardId)}#${streamPosition(sequenceNumber)}`;
}
