import type { components } from '../generated/types.js';

export type QueryResult = components['schemas']['QueryResult'];

export interface QueryLimits {
  /** Most rows returned; `truncated` tells whether there were more */
  maxRows: number;
  /** The query is interrupted after this long */
  timeoutMs: number;
}

/** Runs one read-only SQL query over the lake's tables and views. */
export interface LakeQueryEngine {
  query(sql: string, limits: QueryLimits): Promise<QueryResult>;
  close(): Promise<void>;
}
