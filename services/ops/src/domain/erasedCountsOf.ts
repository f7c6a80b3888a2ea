import type { ErasedCounts } from './types.js';

/** The prefix of a lake table's count among an erasure's tallies: `lake_rows.<table>`. */
export const LAKE_ROWS_TALLY = 'lake_rows.';

/**
 * An erasure's counts from its tallies, the flat numbers each pass adds to as a store finishes
 * (`session_items`, `order_lines`, `failed_events`, `lake_partitions_rewritten`, `lake_rows.<table>`).
 *
 * @example
 * erasedCountsOf({ session_items: 3, 'lake_rows.clickstream_events': 12 })
 * // { session_items: 3, order_lines: 0, failed_events: 0, lake_rows: { clickstream_events: 12 }, lake_partitions_rewritten: 0 }
 */
export function erasedCountsOf(tallies: Readonly<Record<string, number>>): ErasedCounts {
  return {
    session_items: tallies.session_items ?? 0,
    order_lines: tallies.order_lines ?? 0,
    failed_events: tallies.failed_events ?? 0,
    lake_rows: Object.fromEntries(
      Object.entries(tallies)
        .filter(([name]) => name.startsWith(LAKE_ROWS_TALLY))
        .map(([name, count]) => [name.slice(LAKE_ROWS_TALLY.length), count]),
    ),
    lake_partitions_rewritten: tallies.lake_partitions_rewritten ?? 0,
  };
}
