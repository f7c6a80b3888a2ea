import path from 'node:path';
import type * as DuckDbModule from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { assertReadOnlyStart } from './assertReadOnlyStart.js';
import { InvalidQueryError, QueryNotAllowedError, QueryTimeoutError } from './errors.js';
import { lakeViews, type ViewSettings } from './lakeViews.js';
import type { LakeQueryEngine } from './queryTypes.js';
import { LAKE_TABLES } from './tables.js';
import { visibleTableFiles } from './lakeFiles.js';
import { directoryObjectStore } from './objectStore.js';

/**
 * DuckDB over a lake in a local directory. Each query first redefines the tables as views over exactly
 * their visible files, so it sees every committed file and nothing of a compaction in progress. The
 * connection may read nothing outside the lake (DuckDB's `allowed_directories` with external access
 * off, locked) and runs exactly one SELECT.
 */
export function duckDbQueryEngine(lakeDir: string, settings: ViewSettings): LakeQueryEngine {
  // Loaded on first use: deployed bundles leave DuckDB out, and a static import would fail there at load.
  let duckDb: DuckDb;
  const root = path.resolve(lakeDir);
  const store = directoryObjectStore(root);
  let connecting: Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> | undefined;
  const connect = () =>
    (connecting ??= (async () => {
      duckDb = await import('@duckdb/node-api');
      const instance = await duckDb.DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      await connection.run("SET TimeZone = 'UTC'");
      await connection.run(`SET allowed_directories = ['${root.replaceAll("'", "''")}/']`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
      return { instance, connection };
    })());

  const defineViews = async (connection: DuckDBConnection) => {
    const files = await Promise.all(
      LAKE_TABLES.map(async ({ name }) => [name, (await visibleTableFiles(store, name)).map((key) => path.join(root, key))] as const),
    );
    for (const statement of lakeViews(new Map(files), settings)) await connection.run(statement);
  };

  return {
    async query(sql, { maxRows, timeoutMs }) {
      const started = performance.now();
      assertReadOnlyStart(sql);
      const { connection } = await connect();
      await defineViews(connection);
      const statements = await connection.extractStatements(sql).catch((error: Error) => {
        throw new InvalidQueryError(firstLines(error.message));
      });
      if (statements.count !== 1) throw new QueryNotAllowedError(`The request holds ${statements.count} statements.`);
      const prepared = await statements.prepare(0).catch((error: Error) => {
        if (error.message.startsWith('Permission Error')) throw new QueryNotAllowedError('The statement reads or writes files outside the lake tables.');
        throw new InvalidQueryError(firstLines(error.message));
      });
      if (prepared.statementType !== duckDb.StatementType.SELECT) {
        throw new QueryNotAllowedError(`The statement is a ${duckDb.StatementType[prepared.statementType]}.`);
      }
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        connection.interrupt();
      }, timeoutMs);
      try {
        const reader = await prepared.streamAndReadUntil(maxRows + 1);
        const names = reader.columnNames();
        const types = reader.columnTypes().map((type) => type.toString());
        const rows = reader.getRows().slice(0, maxRows).map((row) => Object.fromEntries(row.map((value, i) => [names[i]!, toJson(duckDb, value)])));
        return {
          columns: names.map((name, i) => ({ name, type: types[i]! })),
          rows,
          row_count: rows.length,
          truncated: reader.currentRowCount > maxRows,
          elapsed_ms: Math.round(performance.now() - started),
        };
      } catch (error) {
        if (timedOut) throw new QueryTimeoutError(timeoutMs);
        throw new InvalidQueryError(firstLines((error as Error).message));
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (!connecting) return;
      const { instance, connection } = await connecting;
      connection.closeSync();
      instance.closeSync();
      connecting = undefined;
    },
  };
}

type DuckDb = typeof DuckDbModule;

const firstLines = (message: string) => message.split('\n').filter((line) => line.trim() !== '').slice(0, 3).join(' ');

/** A DuckDB value as JSON: timestamps as ISO 8601 UTC, integers beyond 2^53 as strings. */
function toJson(duckDb: DuckDb, value: DuckDBValue): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof duckDb.DuckDBTimestampValue || value instanceof duckDb.DuckDBTimestampTZValue) {
    return new Date(Number(value.micros / 1000n)).toISOString();
  }
  if (value instanceof duckDb.DuckDBDecimalValue) return value.toDouble();
  return value.toString();
}
