import { EVENTS_PER_TRANSACTION } from './constants.js';
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
 * copies it arrives (docs/adr/0005-idempotent-window-counts.md).
 *
 * The group's records (distinct event keys) go in chunks of `EVENTS_PER_TRANSACTION`; each chunk is
 * one transaction that claims every key and adds exactly those events to the window. When some keys
 * were claimed before, the counter changes nothing and names them: they are duplicates, and the
 * transaction is tried again with the rest until none is left.
 *
 * Other errors of the counter (throttling, network, conflicts) reject; `aggregateBatch` turns them
 * into batch item failures, and the chunks already applied find their keys claimed on re-delivery.
 *
 * @example
 * await countWindowGroup(group, counter, { now: new Date(), retentionMs: 172_800_000 }) // { ok: true, counted: 3, duplicates: 0, group }
 * await countWindowGroup(group, counter, { now: new Date(), retentionMs: 172_800_000 }) // { ok: true, counted: 0, duplicates: 3, group }
 */
export async function countWindowGroup(group: WindowGroup, counter: WindowCounter, options: CountWindowGroupOptions): Promise<GroupOutcome> {
  let counted = 0;
  let duplicates = 0;
  for (let start = 0; start < group.records.length; start += EVENTS_PER_TRANSACTION) {
    let pending = group.records.slice(start, start + EVENTS_PER_TRANSACTION);
    while (pending.length > 0) {
      const { alreadyCounted } = await counter.countOnce(countOf(group, pending, options));
      if (alreadyCounted.length === 0) {
        counted += pending.length;
        break;
      }
      const claimed = new Set(alreadyCounted);
      const rest = pending.filter((record) => !claimed.has(record.eventKey));
      if (rest.length === pending.length) throw new CountRefusedError(group.campaignItemId, group.windowStart);
      duplicates += pending.length - rest.length;
      pending = rest;
    }
  }
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
