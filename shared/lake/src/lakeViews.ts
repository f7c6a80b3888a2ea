import { LAKE_TABLES, type LakeColumn } from './tables.js';

export interface ViewSettings {
  bidsSessionTimeoutMs: number;
  clicksSessionTimeoutMs: number;
}

const SQL_TYPES: Record<LakeColumn['type'], string> = { STRING: 'VARCHAR', INT64: 'BIGINT', TIMESTAMP: 'TIMESTAMP' };
const HIVE_COLUMNS = ['year', 'month', 'day', 'hour'];
/** The partition columns as integers (as in the Glue tables), whatever their zero padding */
const HIVE_TYPES = `{${HIVE_COLUMNS.map((c) => `'${c}': INTEGER`).join(', ')}}`;
/** Kinesis sequence numbers are decimal strings of up to 128 digits; padded, they sort in stream order. */
const STREAM_ORDER = "lpad(sequence_number, 128, '0')";
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The DuckDB statements that define every lake table as a view over exactly its visible files (an empty,
 * typed view when it has none), plus the derived views:
 * - `aggregates`: the latest version of each campaign window (counts only grow), with CTR and win rate;
 * - `distinct_bids`: the first bid of each transaction in stream order, the bid the pipeline counts;
 * - `orphan_impressions` / `orphan_clicks`: the first impression (click) of a transaction that never
 *   joined, once its session timeout has passed, as `GET /orphans` counts them;
 * - `sessions`: the latest version of each session (merged ones included, with their `status`);
 * - `product_windows`: the latest version of each product window (highest `version`), with conversion.
 */
export function lakeViews(filesByTable: ReadonlyMap<string, readonly string[]>, settings: ViewSettings): string[] {
  const tables = LAKE_TABLES.map(({ name, columns }) => {
    const files = filesByTable.get(name) ?? [];
    if (files.length > 0) {
      return `CREATE OR REPLACE VIEW ${name} AS SELECT * FROM read_parquet([${files.map(quote).join(', ')}], hive_partitioning = true, hive_types = ${HIVE_TYPES})`;
    }
    const typed = [
      ...columns.map((column) => `CAST(NULL AS ${SQL_TYPES[column.type]}) AS ${column.name}`),
      ...HIVE_COLUMNS.map((c) => `CAST(NULL AS INTEGER) AS ${c}`),
    ];
    return `CREATE OR REPLACE VIEW ${name} AS SELECT ${typed.join(', ')} WHERE false`;
  });
  const firstOfTx = (table: string) =>
    `(SELECT * FROM ${table} QUALIFY row_number() OVER (PARTITION BY tx_id ORDER BY ${STREAM_ORDER}) = 1)`;
  const nowUtc = 'CAST(now() AS TIMESTAMP)';
  return [
    ...tables,
    `CREATE OR REPLACE VIEW aggregates AS
      SELECT campaign_item_id, window_start, window_end, bids, impressions, clicks, spend,
             CASE WHEN impressions > 0 THEN clicks / impressions ELSE 0 END AS ctr,
             CASE WHEN bids > 0 THEN impressions / bids ELSE 0 END AS win_rate,
             updated_at, year, month, day, hour
      FROM aggregate_changes
      QUALIFY row_number() OVER (PARTITION BY campaign_item_id, window_start ORDER BY bids + impressions + clicks DESC, spend DESC, updated_at DESC) = 1`,
    `CREATE OR REPLACE VIEW distinct_bids AS SELECT * FROM ${firstOfTx('bids')}`,
    `CREATE OR REPLACE VIEW orphan_impressions AS
      SELECT i.* FROM ${firstOfTx('impressions')} AS i
      WHERE i.received_at < ${nowUtc} - INTERVAL (${settings.bidsSessionTimeoutMs}) MILLISECOND
        AND NOT EXISTS (SELECT 1 FROM joined_impressions AS j WHERE j.tx_id = i.tx_id)`,
    `CREATE OR REPLACE VIEW orphan_clicks AS
      SELECT c.* FROM ${firstOfTx('clicks')} AS c
      WHERE c.received_at < ${nowUtc} - INTERVAL (${settings.clicksSessionTimeoutMs}) MILLISECOND
        AND NOT EXISTS (SELECT 1 FROM joined_clicks AS j WHERE j.tx_id = c.tx_id)`,
    `CREATE OR REPLACE VIEW sessions AS
      SELECT * EXCLUDE (shard_id, sequence_number, landed_at) FROM session_changes
      QUALIFY row_number() OVER (PARTITION BY session_id ORDER BY updated_at DESC, ${STREAM_ORDER} DESC) = 1`,
    `CREATE OR REPLACE VIEW product_windows AS
      SELECT product_id, window_start, window_end, views, carts, cart_units, checkouts, purchases, units_sold,
             CASE WHEN views > 0 THEN carts / views ELSE 0 END AS view_to_cart,
             CASE WHEN views > 0 THEN purchases / views ELSE 0 END AS view_to_purchase,
             version, updated_at, year, month, day, hour
      FROM product_window_changes
      QUALIFY row_number() OVER (PARTITION BY product_id, window_start ORDER BY version DESC) = 1`,
  ];
}

/** Every name a query can read, tables first. */
export const LAKE_VIEW_NAMES = [
  ...LAKE_TABLES.map((table) => table.name),
  'aggregates',
  'distinct_bids',
  'orphan_impressions',
  'orphan_clicks',
  'sessions',
  'product_windows',
];
