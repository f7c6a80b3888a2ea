/** The Parquet lake: its tables and views, partition manifests, object stores, and the DuckDB and Athena query engines. */
export { assertReadOnlyStart } from './assertReadOnlyStart.js';
export { athenaQueryEngine } from './athenaQueryEngine.js';
export { dataFileName, rangeOfDataFile } from './dataFileName.js';
export { duckDbQueryEngine } from './duckDbQueryEngine.js';
export type { DuckDbEngineOptions } from './duckDbQueryEngine.js';
export { DEFAULT_QUERY_MAX_RESULT_BYTES, DEFAULT_QUERY_MEMORY_LIMIT_MB, DEFAULT_QUERY_THREADS } from './constants.js';
export {
  InvalidQueryError,
  QueryNotAllowedError,
  QueryOutOfMemoryError,
  QueryTimeoutError,
  ResultTooLargeError,
} from './errors.js';
export { readPartitionState, readTablePartitions, visibleTableFiles } from './lakeFiles.js';
export { DERIVED_VIEWS } from './derivedViews.js';
export type { DerivedView, ViewColumn, ViewColumnType, ViewSettings } from './derivedViews.js';
export { LAKE_VIEW_NAMES, lakeViews } from './lakeViews.js';
export { directoryObjectStore, objectStoreFromEnv, s3ObjectStore } from './objectStore.js';
export type { ObjectStore } from './objectStore.js';
export { NOW_UTC, ratio } from './portableSql.js';
export { queryEngineFromEnv } from './queryEngineFromEnv.js';
export { queryResourcesFromEnv } from './queryResourcesFromEnv.js';
export type { QueryResources } from './queryResourcesFromEnv.js';
export type { LakeQueryEngine, QueryLimits, QueryResult } from './queryTypes.js';
export { MANIFEST_DIR, resolvePartition } from './resolvePartition.js';
export { spellingOf } from './sqlDialect.js';
export type { DialectSpelling, SqlDialect, TimeUnit } from './sqlDialect.js';
export { sqlDialectFromEnv } from './sqlDialectFromEnv.js';
export { LAKE_TABLES, lakeTable } from './tables.js';
export type { LakeColumn, LakeTable, LakeTableName } from './tables.js';
export type { CompactionManifest, LakeRow, LakeValue, PartitionState, SequenceRange } from './types.js';
