import { countEachOnce } from '@sdp/shared';
import { countIncrements } from './countIncrements.js';
import { CountRefusedError } from './errors.js';
import type { CountableRecord, GroupOutcome, WindowCount, WindowCounter, WindowGroup } from './types.js';

export interface CountWindowGroupOptions {
  /** Time of the count */
  now: Date;
  /** How long an event key stays claimed, in milliseconds */
  retentionMs: number;
}

/**
 * Counts each logical event of one window group exactly once, however often and in however many
 * copies it arrives (`countEachOnce`, docs/adr/0005-idempotent-window-counts.md): each chunk is one
 * transaction that claims every key and adds exactly those events to the window.
 *
 * Other errors of the counter (throttling, network, conflicts) reject; `aggregateBatch` turns them
 * into batch item failures, and the chunks already applied find their keys claimed on re-delivery.
 *
 * @example
 * await countWindowGroup(group, counter, { now: new Date(), retentionMs: 172_800_000 }) // { ok: true, counted: 3, duplicates: 0, group }
 * await countWindowGroup(group, counter, { now: new Date(), retentionMs: 172_800_000 }) // { ok: true, counted: 0, duplicates: 3, group }
 */
export async function countWindowGroup(group: WindowGroup, counter: WindowCounter, options: CountWindowGroupOptions): Promise<GroupOutcome> {
  const { counted, duplicates } = await countEachOnce(
    group.records,
    (chunk) => counter.countOnce(countOf(group, chunk, options)),
    () => new CountRefusedError(group.campaignItemId, group.windowStart),
  );
  return { group, ok: true, counted, duplicates };
}

function countOf(group: WindowGroup, records: readonly CountableRecord[], { now, retentionMs }: CountWindowGroupOptions): WindowCount {
  return {
    campaignItemId: group.campaignItemId,
    windowStart: group.windowStart,
    windowEnd: group.windowEnd,
    windowDay: group.windowDay,
    periodMinutes: group.periodMinutes,
    eventKeys: records.map((record) => record.eventKey),
    increments: countIncrements(records.map((record) => record.event)),
    expiresAt: Math.ceil((now.getTime() + retentionMs) / 1000),
    updatedAt: now.toISOString(),
  };
}
