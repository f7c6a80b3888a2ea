import type { SqlDialect } from './sqlDialect.js';

/**
 * The SQL of the engine that queries the lake here: DuckDB's when the local cloud runs the function (it
 * sets LOCAL_OBJECT_STORE_DIR, where buckets are directories), Trino's (Athena) on AWS.
 */
export function sqlDialectFromEnv(env: NodeJS.ProcessEnv = process.env): SqlDialect {
  return env.LOCAL_OBJECT_STORE_DIR ? 'duckdb' : 'trino';
}
