/**
 * Pieces of SQL that DuckDB and Trino (Athena) both run and agree on, for the lake's views and saved
 * queries. What they spell differently is in sqlDialect.ts.
 */

/** Now as a timestamp without time zone (UTC on Athena and in the local cloud), comparable with the lake's timestamps. */
export const NOW_UTC = 'CAST(now() AS TIMESTAMP)';

/** Kinesis sequence numbers are decimal strings of up to 128 digits; padded, they sort in stream order. */
export const STREAM_ORDER = "lpad(sequence_number, 128, '0')";

/**
 * `numerator / denominator` as a fraction, 0 when the denominator is not positive. The numerator is
 * made a DOUBLE: Trino divides integers as integers (1 / 4 = 0), DuckDB as fractions.
 *
 * @example
 * ratio('clicks', 'impressions') // 'CASE WHEN impressions > 0 THEN CAST(clicks AS DOUBLE) / impressions ELSE 0 END'
 */
export function ratio(numerator: string, denominator: string): string {
  return `CASE WHEN ${denominator} > 0 THEN CAST(${numerator} AS DOUBLE) / ${denominator} ELSE 0 END`;
}

/**
 * A SELECT of `columns` from the first row of `from` per `partitionBy`, in `orderBy` order: a window in a
 * subquery, since Trino has no QUALIFY and no `SELECT * EXCLUDE`.
 *
 * @example
 * firstRowPer({ from: 'bids', columns: ['tx_id', 'domain'], partitionBy: 'tx_id', orderBy: STREAM_ORDER })
 * // "SELECT tx_id, domain FROM (SELECT tx_id, domain, row_number() OVER (PARTITION BY tx_id ORDER BY …) AS row_rank FROM bids) AS ranked WHERE row_rank = 1"
 */
export function firstRowPer(options: {
  from: string;
  columns: readonly string[];
  partitionBy: string;
  orderBy: string;
}): string {
  const columns = options.columns.join(', ');
  return `SELECT ${columns} FROM (SELECT ${columns}, row_number() OVER (PARTITION BY ${options.partitionBy} ORDER BY ${options.orderBy}) AS row_rank FROM ${options.from}) AS ranked WHERE row_rank = 1`;
}
