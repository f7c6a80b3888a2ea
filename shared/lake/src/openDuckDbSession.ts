import type * as DuckDbModule from '@duckdb/node-api';

export interface DuckDbSessionConfig {
  /** The only directory queries may read (the lake), absolute */
  lakeRoot: string;
  /** DuckDB's `memory_limit`, in MiB */
  memoryLimitMb: number;
  /** DuckDB's `threads` */
  threads: number;
}

export interface DuckDbSessionQuery {
  /** Statements run first (the lake's view definitions) */
  setup: string[];
  sql: string;
  maxRows: number;
  /** Most bytes of result rows as JSON; no cap when absent */
  maxBytes?: number;
}

/** Why a query was refused, for the engine to turn into its error. */
export type DuckDbSessionFailure = 'invalid' | 'not_allowed' | 'out_of_memory' | 'too_large' | 'interrupted' | 'setup';

export type DuckDbSessionReply =
  | { ok: true; columns: { name: string; type: string }[]; rows: Record<string, unknown>[]; truncated: boolean }
  | { ok: false; failure: DuckDbSessionFailure; detail: string };

export interface DuckDbSession {
  query(request: DuckDbSessionQuery): Promise<DuckDbSessionReply>;
  interrupt(): void;
  close(): void;
}

/**
 * One DuckDB connection that runs exactly one SELECT per request: read-only, confined to the lake
 * directory (external access off, configuration locked), with `memory_limit` and `threads`, reading the
 * result chunk by chunk until it has one row more than `maxRows` or its rows pass `maxBytes` of JSON.
 * Failures come back as data, not exceptions, so the reply can cross a process boundary.
 *
 * The function is self-contained (it uses nothing from its module but types), because the isolated
 * engine runs its source text in a process of its own (duckDbProcessSession).
 *
 * @example
 * const session = await openDuckDbSession(await import('@duckdb/node-api'), { lakeRoot: '/lake', memoryLimitMb: 512, threads: 2 });
 * await session.query({ setup: [], sql: 'SELECT 42 AS n', maxRows: 10 });
 * // { ok: true, columns: [{ name: 'n', type: 'INTEGER' }], rows: [{ n: 42 }], truncated: false }
 */
export async function openDuckDbSession(
  duckDb: typeof DuckDbModule,
  config: DuckDbSessionConfig,
): Promise<DuckDbSession> {
  const instance = await duckDb.DuckDBInstance.create(':memory:', {
    memory_limit: `${config.memoryLimitMb}MB`,
    threads: String(config.threads),
  });
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(`SET allowed_directories = ['${config.lakeRoot.replaceAll("'", "''")}/']`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');

  const firstLines = (message: string) =>
    message
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, 3)
      .join(' ');
  // DuckDB's own limit ("Out of Memory Error") and a failed allocation outside it (std::bad_alloc).
  const isOutOfMemory = (message: string) =>
    message.startsWith('Out of Memory Error') || message.includes('bad allocation') || message.includes('bad_alloc');
  const failed = (failure: DuckDbSessionFailure, detail: string): DuckDbSessionReply => ({
    ok: false,
    failure,
    detail,
  });
  const failedRun = (error: Error): DuckDbSessionReply => {
    if (isOutOfMemory(error.message)) return failed('out_of_memory', firstLines(error.message));
    if (error.message.startsWith('INTERRUPT')) return failed('interrupted', firstLines(error.message));
    return failed('invalid', firstLines(error.message));
  };
  /** A DuckDB value as JSON: timestamps as ISO 8601 UTC, integers beyond 2^53 as strings. */
  const toJson = (value: DuckDbModule.DuckDBValue): unknown => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (value instanceof duckDb.DuckDBTimestampValue || value instanceof duckDb.DuckDBTimestampTZValue) {
      return new Date(Number(value.micros / 1000n)).toISOString();
    }
    if (value instanceof duckDb.DuckDBDecimalValue) return value.toDouble();
    return value.toString();
  };

  const query = async ({
    setup,
    sql,
    maxRows,
    maxBytes = Infinity,
  }: DuckDbSessionQuery): Promise<DuckDbSessionReply> => {
    try {
      for (const statement of setup) await connection.run(statement);
    } catch (error) {
      return failed('setup', firstLines((error as Error).message));
    }
    let statements: DuckDbModule.DuckDBExtractedStatements;
    try {
      statements = await connection.extractStatements(sql);
    } catch (error) {
      return failed('invalid', firstLines((error as Error).message));
    }
    if (statements.count !== 1) return failed('not_allowed', `The request holds ${statements.count} statements.`);
    let prepared: DuckDbModule.DuckDBPreparedStatement;
    try {
      prepared = await statements.prepare(0);
    } catch (error) {
      const { message } = error as Error;
      if (message.startsWith('Permission Error'))
        return failed('not_allowed', 'The statement reads or writes files outside the lake tables.');
      return failedRun(error as Error);
    }
    if (prepared.statementType !== duckDb.StatementType.SELECT) {
      return failed('not_allowed', `The statement is a ${duckDb.StatementType[prepared.statementType]}.`);
    }
    try {
      const result = await prepared.stream();
      const names = result.columnNames();
      const columns = names.map((name, i) => ({ name, type: result.columnType(i).toString() }));
      const rows: Record<string, unknown>[] = [];
      let bytes = 0;
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (let i = 0; i < chunk.rowCount; i++) {
          if (rows.length === maxRows) return { ok: true, columns, rows, truncated: true };
          const row = Object.fromEntries(chunk.getRowValues(i).map((value, c) => [names[c]!, toJson(value)]));
          bytes += Buffer.byteLength(JSON.stringify(row));
          if (bytes > maxBytes)
            return failed('too_large', `The rows passed ${maxBytes} bytes at row ${rows.length + 1}.`);
          rows.push(row);
        }
      }
      return { ok: true, columns, rows, truncated: false };
    } catch (error) {
      return failedRun(error as Error);
    }
  };

  return {
    query,
    interrupt: () => connection.interrupt(),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
