/*
 * The resources of a lake query, in one place. The query function reads overrides from its environment
 * (QUERY_MEMORY_LIMIT_MB, QUERY_THREADS, QUERY_MAX_RESULT_BYTES; see queryResourcesFromEnv).
 */

/** DuckDB's `memory_limit` in MiB: what its buffer manager may hold (joins, sorts, aggregations). */
export const DEFAULT_QUERY_MEMORY_LIMIT_MB = 512;

/** DuckDB's `threads`: a query may use two cores, not every core of a machine that runs the whole platform. */
export const DEFAULT_QUERY_THREADS = 2;

/** Most bytes of result rows (as JSON) `POST /query` answers with; Lambda answers with at most 6 MB. */
export const DEFAULT_QUERY_MAX_RESULT_BYTES = 4 * 1024 * 1024;

/**
 * Address space an isolated query process may use beyond `memory_limit`, in MiB. `memory_limit` does not
 * bound everything DuckDB allocates (a vector of long strings, `repeat('x', 100000000)`, is not in the
 * buffer manager), so the process gets a hard limit too; Node and DuckDB reserve about 1.3 GB of
 * virtual memory before the first query.
 */
export const QUERY_PROCESS_HEADROOM_MB = 2048;
