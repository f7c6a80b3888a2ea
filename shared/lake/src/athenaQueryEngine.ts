import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { assertReadOnlyStart } from './assertReadOnlyStart.js';
import { InvalidQueryError, QueryNotAllowedError, QueryTimeoutError, ResultTooLargeError } from './errors.js';
import type { LakeQueryEngine } from './queryTypes.js';

/**
 * Athena over the Glue tables and views of the lake (AWS), in Trino's SQL. Only one statement that
 * starts like a query is sent; the function's role may read the catalog and the lake and write only
 * query results, so a statement that would change anything fails on permissions even if it slipped
 * through.
 */
export function athenaQueryEngine(options: {
  client?: AthenaClient;
  workGroup: string;
  database: string;
  pollMs?: number;
}): LakeQueryEngine {
  const { client = new AthenaClient({}), workGroup, database, pollMs = 200 } = options;
  return {
    dialect: 'trino',
    async query(sql, { maxRows, timeoutMs, maxBytes }) {
      const started = performance.now();
      assertReadOnlyStart(sql);
      if (/;\s*\S/.test(sql)) throw new QueryNotAllowedError('The request holds more than one statement.');
      const { QueryExecutionId } = await client.send(
        new StartQueryExecutionCommand({
          QueryString: sql,
          WorkGroup: workGroup,
          QueryExecutionContext: { Database: database },
        }),
      );
      for (;;) {
        const { QueryExecution } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId }));
        const state = QueryExecution?.Status?.State;
        if (state === 'SUCCEEDED') break;
        if (state === 'FAILED' || state === 'CANCELLED')
          throw new InvalidQueryError(QueryExecution?.Status?.StateChangeReason ?? state);
        if (performance.now() - started > timeoutMs) {
          await client.send(new StopQueryExecutionCommand({ QueryExecutionId }));
          throw new QueryTimeoutError(timeoutMs);
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      const values: (string | null)[][] = [];
      let columns: { name: string; type: string }[] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new GetQueryResultsCommand({ QueryExecutionId, NextToken, MaxResults: 1000 }));
        columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column) => ({
          name: column.Name ?? '',
          type: column.Type ?? '',
        }));
        values.push(
          ...(page.ResultSet?.Rows ?? []).map((row) => (row.Data ?? []).map((datum) => datum.VarCharValue ?? null)),
        );
        NextToken = page.NextToken;
      } while (NextToken && values.length <= maxRows + 1);
      // The first row of the first page repeats the column names.
      const dataRows = values.slice(1);
      const rows = dataRows
        .slice(0, maxRows)
        .map((row) =>
          Object.fromEntries(columns.map((column, i) => [column.name, typed(row[i] ?? null, column.type)])),
        );
      if (maxBytes !== undefined && Buffer.byteLength(JSON.stringify(rows)) > maxBytes)
        throw new ResultTooLargeError(maxBytes);
      return {
        columns,
        rows,
        row_count: rows.length,
        truncated: dataRows.length > maxRows,
        elapsed_ms: Math.round(performance.now() - started),
      };
    },
    async close() {
      client.destroy();
    },
  };
}

function typed(value: string | null, type: string): unknown {
  if (value === null) return null;
  if (/^(?:tinyint|smallint|integer|bigint|double|float|real|decimal)/.test(type)) {
    const number = Number(value);
    return Number.isSafeInteger(number) || !Number.isInteger(number) ? number : value;
  }
  if (type === 'boolean') return value === 'true';
  return value;
}
