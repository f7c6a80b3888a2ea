import type { components } from '@sdp/shared-contract';
import type { SqlDialect } from './sqlDialect.js';

export type QueryResult = components['schemas']['QueryResult'];

export interface QueryLimits {
  /** Most rows returned; `truncated` tells whether there were more */
  maxRows: number;
  /** The query is interrupted after this long */
  timeoutMs: number;
  /** Most bytes of result rows, serialized as JSON; a larger result is refused (`result_too_large`). No cap when absent. */
  maxBytes?: number;
}

/** Runs one read-only SQL query over the lake's tables and views. */
export interface LakeQueryEngine {
  /** The SQL it reads: DuckDB's or Trino's (Athena). The lake's views and saved queries come in both. */
  readonly dialect: SqlDialect;
  query(sql: string, limits: QueryLimits): Promise<QueryResult>;
  close(): Promise<void>;
}
