import { readNumberSetting } from '@sdp/shared-runtime';
import { DEFAULT_QUERY_MAX_RESULT_BYTES, DEFAULT_QUERY_MEMORY_LIMIT_MB, DEFAULT_QUERY_THREADS } from './constants.js';

export interface QueryResources {
  /** DuckDB's `memory_limit`, in MiB */
  memoryLimitMb: number;
  /** DuckDB's `threads` */
  threads: number;
  /** Most bytes of result rows (JSON) an API answer holds */
  maxResultBytes: number;
}

/**
 * The resources of a lake query: the defaults of `constants.ts`, each overridden by its environment
 * variable when set (`QUERY_MEMORY_LIMIT_MB`, `QUERY_THREADS`, `QUERY_MAX_RESULT_BYTES`).
 *
 * @example
 * queryResourcesFromEnv({ QUERY_THREADS: '1' }) // { memoryLimitMb: 512, threads: 1, maxResultBytes: 4194304 }
 */
export function queryResourcesFromEnv(env: NodeJS.ProcessEnv = process.env): QueryResources {
  const positiveInteger = (name: string, fallback: number) =>
    readNumberSetting(name, env[name], { min: 1, integer: true, fallback });
  return {
    memoryLimitMb: positiveInteger('QUERY_MEMORY_LIMIT_MB', DEFAULT_QUERY_MEMORY_LIMIT_MB),
    threads: positiveInteger('QUERY_THREADS', DEFAULT_QUERY_THREADS),
    maxResultBytes: positiveInteger('QUERY_MAX_RESULT_BYTES', DEFAULT_QUERY_MAX_RESULT_BYTES),
  };
}
