import type { FreshnessRow } from './types.js';

/**
 * Reads `pipeline_freshness` rows (numbers may arrive as strings, as the query API sends integers
 * beyond 2^53), sorted by table name.
 *
 * @example
 * toFreshnessRows([{ table_name: 'bids', newest_event: '…', lag_ms: 840, landing_p50_ms: 2100, landing_p95_ms: 2900, rows_last_5_min: 6000 }])
 */
export function toFreshnessRows(rows: readonly Record<string, unknown>[]): FreshnessRow[] {
  return rows
    .map((row) => ({
      tableName: String(row.table_name),
      newestEvent: typeof row.newest_event === 'string' ? row.newest_event : null,
      lagMs: numberOrNull(row.lag_ms),
      landingP50Ms: numberOrNull(row.landing_p50_ms),
      landingP95Ms: numberOrNull(row.landing_p95_ms),
      rowsLast5Min: numberOrNull(row.rows_last_5_min) ?? 0,
    }))
    .sort((a, b) => a.tableName.localeCompare(b.tableName));
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
