import path from 'node:path';
import { requiredEnv } from '@sdp/shared-runtime';
import { queryResourcesFromEnv } from './queryResourcesFromEnv.js';
import type { LakeQueryEngine } from './queryTypes.js';
import { sqlDialectFromEnv } from './sqlDialectFromEnv.js';

/**
 * DuckDB over the lake's directory when the local cloud runs the function (it maps buckets to
 * directories under LOCAL_OBJECT_STORE_DIR), Athena on AWS (sqlDialectFromEnv decides); the engine's
 * `dialect` says whose SQL it reads. DuckDB is loaded only locally: deployed bundles leave it out
 * (config/src/defineService.ts). `isolated` runs DuckDB in a process of its own with a
 * memory limit, for SQL from outside (`POST /query`).
 *
 * @example
 * const engine = await queryEngineFromEnv(process.env, { isolated: true });
 */
export async function queryEngineFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  { isolated = false } = {},
): Promise<LakeQueryEngine> {
  const minutes = (name: string) => Number(requiredEnv(name)) * 60_000;
  if (sqlDialectFromEnv(env) === 'duckdb') {
    const { duckDbQueryEngine } = await import('./duckDbQueryEngine.js');
    const { memoryLimitMb, threads } = queryResourcesFromEnv(env);
    return duckDbQueryEngine(
      path.join(env.LOCAL_OBJECT_STORE_DIR!, requiredEnv('LAKE_BUCKET')),
      {
        bidsSessionTimeoutMs: minutes('BIDS_SESSION_TIMEOUT_MINUTES'),
        clicksSessionTimeoutMs: minutes('CLICKS_SESSION_TIMEOUT_MINUTES'),
        botEventsPerMinute: Number(requiredEnv('BOT_EVENTS_PER_MINUTE')),
      },
      { memoryLimitMb, threads, isolated },
    );
  }
  const { athenaQueryEngine } = await import('./athenaQueryEngine.js');
  return athenaQueryEngine({ workGroup: requiredEnv('ATHENA_WORK_GROUP'), database: requiredEnv('GLUE_DATABASE') });
}
