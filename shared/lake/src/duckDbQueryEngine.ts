import path from 'node:path';
import { assertReadOnlyStart } from './assertReadOnlyStart.js';
import { DEFAULT_QUERY_MEMORY_LIMIT_MB, DEFAULT_QUERY_THREADS } from './constants.js';
import { duckDbProcessSession } from './duckDbProcessSession.js';
import {
  InvalidQueryError,
  QueryNotAllowedError,
  QueryOutOfMemoryError,
  QueryTimeoutError,
  ResultTooLargeError,
} from './errors.js';
import type { ViewSettings } from './derivedViews.js';
import { lakeViews } from './lakeViews.js';
import { visibleTableFiles } from './lakeFiles.js';
import { directoryObjectStore } from './objectStore.js';
import { openDuckDbSession, type DuckDbSession, type DuckDbSessionConfig } from './openDuckDbSession.js';
import type { LakeQueryEngine } from './queryTypes.js';
import { LAKE_TABLES } from './tables.js';

export interface DuckDbEngineOptions {
  /** DuckDB's `memory_limit` in MiB (default {@link DEFAULT_QUERY_MEMORY_LIMIT_MB}) */
  memoryLimitMb?: number;
  /** DuckDB's `threads` (default {@link DEFAULT_QUERY_THREADS}) */
  threads?: number;
  /**
   * Run DuckDB in a process of its own with an address-space limit (`POST /query`: anyone's SQL), so a
   * query that allocates past `memory_limit` fails there; in-process otherwise (trusted SQL: training
   * queries, the `npm run query` command).
   */
  isolated?: boolean;
}

/**
 * DuckDB over a lake in a local directory. Each query first redefines the tables as views over exactly
 * their visible files, so it sees every committed file and nothing of a compaction in progress. The
 * connection may read nothing outside the lake (DuckDB's `allowed_directories` with external access
 * off, locked), runs exactly one SELECT, within `memory_limit` and `threads`, and returns at most
 * `maxRows` rows and `maxBytes` bytes of them.
 *
 * @example
 * const engine = duckDbQueryEngine('.data/local/s3/sdp-lake-local-lakebucket', settings, { isolated: true });
 * await engine.query('SELECT count(*) AS n FROM bids', { maxRows: 1000, timeoutMs: 20_000, maxBytes: 4_194_304 });
 */
export function duckDbQueryEngine(
  lakeDir: string,
  settings: ViewSettings,
  options: DuckDbEngineOptions = {},
): LakeQueryEngine {
  const root = path.resolve(lakeDir);
  const store = directoryObjectStore(root);
  const config: DuckDbSessionConfig = {
    lakeRoot: root,
    memoryLimitMb: options.memoryLimitMb ?? DEFAULT_QUERY_MEMORY_LIMIT_MB,
    threads: options.threads ?? DEFAULT_QUERY_THREADS,
  };
  // Loaded on first use: deployed bundles leave DuckDB out, and a static import would fail there at load.
  let opening: Promise<DuckDbSession> | undefined;
  const open = async () => {
    if (options.isolated) return duckDbProcessSession(config);
    const duckDb = await import('@duckdb/node-api');
    return openDuckDbSession(duckDb, config);
  };
  const session = () => (opening ??= open());

  const views = async () => {
    const files = await Promise.all(
      LAKE_TABLES.map(
        async ({ name }) => [name, (await visibleTableFiles(store, name)).map((key) => path.join(root, key))] as const,
      ),
    );
    return lakeViews(new Map(files), settings);
  };

  return {
    dialect: 'duckdb',
    async query(sql, { maxRows, timeoutMs, maxBytes }) {
      const started = performance.now();
      assertReadOnlyStart(sql);
      const [duckDb, setup] = await Promise.all([session(), views()]);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        duckDb.interrupt();
      }, timeoutMs);
      const reply = await duckDb
        .query({ setup, sql, maxRows, ...(maxBytes === undefined ? {} : { maxBytes }) })
        .finally(() => clearTimeout(timer));
      if (reply.ok) {
        const { columns, rows, truncated } = reply;
        return {
          columns,
          rows,
          row_count: rows.length,
          truncated,
          elapsed_ms: Math.round(performance.now() - started),
        };
      }
      if (timedOut) throw new QueryTimeoutError(timeoutMs);
      switch (reply.failure) {
        case 'not_allowed':
          throw new QueryNotAllowedError(reply.detail);
        case 'out_of_memory':
          throw new QueryOutOfMemoryError(config.memoryLimitMb);
        case 'too_large':
          throw new ResultTooLargeError(maxBytes!);
        case 'setup':
          throw new Error(`The lake's views could not be defined: ${reply.detail}`);
        default:
          throw new InvalidQueryError(reply.detail);
      }
    },
    async close() {
      if (!opening) return;
      (await opening).close();
      opening = undefined;
    },
  };
}
