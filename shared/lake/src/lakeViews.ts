import { columnsOf, DERIVED_VIEWS, identifier, type ViewSettings } from './derivedViews.js';
import { LAKE_TABLES } from './tables.js';

/** The partition columns as integers (as in the Glue tables), whatever their zero padding */
const HIVE_TYPES = `{${['year', 'month', 'day', 'hour'].map((c) => `'${c}': INTEGER`).join(', ')}}`;
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The DuckDB statements that define every lake table as a view over exactly its visible files (an empty,
 * typed view when it has none), then the derived views (derivedViews.ts) in their DuckDB spelling.
 */
export function lakeViews(filesByTable: ReadonlyMap<string, readonly string[]>, settings: ViewSettings): string[] {
  const tables = LAKE_TABLES.map(({ name }) => {
    const files = filesByTable.get(name) ?? [];
    const typed = columnsOf(name).map((column) => `CAST(NULL AS ${column.type}) AS ${identifier(column.name)}`);
    const empty = `SELECT ${typed.join(', ')} WHERE false`;
    if (files.length === 0) return `CREATE OR REPLACE VIEW ${name} AS ${empty}`;
    // Matched by name: a column added to a table later (optional, e.g. `source`) reads NULL in the
    // files written before it, and the view always has every declared column, in declared order.
    const read = `read_parquet([${files.map(quote).join(', ')}], hive_partitioning = true, hive_types = ${HIVE_TYPES}, union_by_name = true)`;
    return `CREATE OR REPLACE VIEW ${name} AS ${empty} UNION ALL BY NAME SELECT * FROM ${read}`;
  });
  const views = DERIVED_VIEWS.map((view) => `CREATE OR REPLACE VIEW ${view.name} AS ${view.sql('duckdb', settings)}`);
  return [...tables, ...views];
}

/** Every name a query can read, tables first. */
export const LAKE_VIEW_NAMES = [...LAKE_TABLES.map((table) => table.name), ...DERIVED_VIEWS.map((view) => view.name)];
