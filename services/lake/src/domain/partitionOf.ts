const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The partition (key prefix) of a row of `table` with event time `timeMs`: Hive-style
 * `year=/month=/day=/hour=` in UTC, which DuckDB, Athena and Glue partition projection all read.
 *
 * @example
 * partitionOf('bids', Date.parse('2026-11-22T06:35:00Z')) // 'bids/year=2026/month=11/day=22/hour=06'
 */
export function partitionOf(table: string, timeMs: number): string {
  const at = new Date(timeMs);
  return `${table}/year=${at.getUTCFullYear()}/month=${pad(at.getUTCMonth() + 1)}/day=${pad(at.getUTCDate())}/hour=${pad(at.getUTCHours())}`;
}

/** The start (epoch ms) of the hour a partition key covers, or undefined if the key is not a partition. */
export function partitionHourStart(partition: string): number | undefined {
  const match = /year=(\d{4})\/month=(\d{2})\/day=(\d{2})\/hour=(\d{2})$/.exec(partition);
  if (!match) return undefined;
  const [, year, month, day, hour] = match.map(Number) as [number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour);
}
