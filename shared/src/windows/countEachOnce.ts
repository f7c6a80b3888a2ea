/**
 * Events counted per transaction: DynamoDB allows 100 operations in one `TransactWriteItems`, one
 * claim per event plus the update of what they are counted in.
 */
export const EVENTS_PER_TRANSACTION = 99;

/** What one all-or-nothing count answered: nothing changed when some keys were claimed before, and those come back. */
export interface ClaimAnswer {
  alreadyCounted: string[];
}

/**
 * Counts each logical event exactly once, however often and in however many copies it arrives
 * (docs/adr/0005-idempotent-window-counts.md). The records (distinct event keys) go in chunks of
 * `EVENTS_PER_TRANSACTION`; `countChunk` claims every key of a chunk and adds exactly those events
 * in one transaction. When some keys were claimed before, it changes nothing and names them: they are
 * duplicates, and the chunk is tried again without them until none is left.
 *
 * `countChunk` rejects on any other failure (throttling, network, a conflict), and so does this; the
 * caller has the records re-delivered and the chunks already applied find their keys claimed. A
 * refusal that names no key would loop, so it rejects with `refused()`.
 *
 * @example
 * await countEachOnce(records, (chunk) => counter.countOnce(countOf(chunk)), () => new CountRefusedError(7, start))
 * // { counted: 3, duplicates: 0 }, and on re-delivery { counted: 0, duplicates: 3 }
 */
export async function countEachOnce<R extends { eventKey: string }>(
  records: readonly R[],
  countChunk: (chunk: R[]) => Promise<ClaimAnswer>,
  refused: () => Error,
): Promise<{ counted: number; duplicates: number }> {
  let counted = 0;
  let duplicates = 0;
  for (let start = 0; start < records.length; start += EVENTS_PER_TRANSACTION) {
    let pending = records.slice(start, start + EVENTS_PER_TRANSACTION);
    while (pending.length > 0) {
      const { alreadyCounted } = await countChunk(pending);
      if (alreadyCounted.length === 0) {
        counted += pending.length;
        break;
      }
      const claimed = new Set(alreadyCounted);
      const rest = pending.filter((record) => !claimed.has(record.eventKey));
      if (rest.length === pending.length) throw refused();
      duplicates += pending.length - rest.length;
      pending = rest;
    }
  }
  return { counted, duplicates };
}
