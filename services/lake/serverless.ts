import {
  allow,
  apiFunction,
  bucketPolicy,
  defineService,
  getAtt,
  kinesisConsumer,
  lambdaFunction,
  param,
  privateBucket,
  ref,
  regionalArn,
  SESSION_TIMEOUTS,
  BOT_RATE,
  sub,
} from '../../config/src/index.js';
import { glueViewResources } from './src/domain/glueViews.js';

// Every writer gets the same batching: up to 10,000 records or this many seconds, one file per
// table, hour and shard per batch. Longer means fewer, bigger files; shorter means fresher SQL.
const LAKE_BATCH_WINDOW_SECONDS = param('lakeBatchWindowSeconds', '2');
/** The Glue database of the lake's tables and views; Athena queries run in it. */
const LAKE_DATABASE_NAME = 'sdp_lake_${sls:stage}';
/** A session timeout setting (minutes, a deployment parameter) as SQL that computes it in milliseconds. */
const timeoutMsSql = (minutes: string) => `CAST(${minutes} * 60000 AS BIGINT)`;

/**
 * The writer of one stream into the lake's tables (the same handler for every stream, LAKE_SOURCE
 * says which): it lists a partition's files and reads and writes its own tables' files only, the
 * partition's state (manifests) and the new files, named at run time.
 */
const lakeWriter = (options: {
  name: string;
  description: string;
  stream: string;
  source: string;
  tables: string[];
  reconciled?: boolean;
  /** The stream is keyed by user_id: erased users' records are dropped (docs/adr/0022-erasure.md) */
  dropsErasedUsers?: boolean;
}) =>
  kinesisConsumer({
    name: options.name,
    handler: 'src/handlers/landRecords.handler',
    description: options.description,
    stream: param(options.stream),
    batchSize: 10000,
    batchWindow: LAKE_BATCH_WINDOW_SECONDS,
    reconciled: options.reconciled ?? false,
    dropsErasedUsers: options.dropsErasedUsers ?? false,
    memorySize: 1024,
    timeout: 60,
    statements: [
      allow(['s3:ListBucket'], getAtt('LakeBucket', 'Arn')),
      allow(
        ['s3:GetObject', 's3:PutObject'],
        options.tables.map((table) => sub(`\${LakeBucket.Arn}/${table}/*`)),
      ),
    ],
    environment: { LAKE_BUCKET: ref('LakeBucket'), LAKE_SOURCE: options.source },
  });

export default defineService({
  service: 'sdp-lake',
  functions: [
    lakeWriter({
      name: 'landRawEvents',
      description: 'Lands the raw events stream in the lake (bids, impressions, clicks) as Parquet',
      stream: 'rawEventsStreamArn',
      source: 'raw',
      tables: ['bids', 'impressions', 'clicks'],
      reconciled: true,
    }),
    lakeWriter({
      name: 'landEnrichedEvents',
      description: 'Lands the enriched events stream in the lake (joined impressions and clicks) as Parquet',
      stream: 'enrichedEventsStreamArn',
      source: 'enriched',
      tables: ['joined_impressions', 'joined_clicks'],
    }),
    lakeWriter({
      name: 'landAggregates',
      description: 'Lands the aggregates stream in the lake (every version of every window) as Parquet',
      stream: 'aggregatesStreamArn',
      source: 'aggregates',
      tables: ['aggregate_changes'],
    }),
    lakeWriter({
      name: 'landClickstream',
      description: 'Lands the clickstream in the lake (every accepted shop event) as Parquet',
      stream: 'clickstreamStreamArn',
      source: 'clickstream',
      tables: ['clickstream_events'],
      dropsErasedUsers: true,
    }),
    lakeWriter({
      name: 'landSessions',
      description: 'Lands the sessions stream in the lake (every version of every session) as Parquet',
      stream: 'sessionsStreamArn',
      source: 'sessions',
      tables: ['session_changes'],
      dropsErasedUsers: true,
    }),
    lakeWriter({
      name: 'landProductWindows',
      description: 'Lands the product windows stream in the lake (every version of every product window) as Parquet',
      stream: 'productWindowsStreamArn',
      source: 'product_windows',
      tables: ['product_window_changes'],
    }),
    lambdaFunction({
      name: 'compactLake',
      description:
        "Merges the small files of every closed hour of the lake into one per partition; invoked by the ops service's erasure, rewrites the partitions that hold erased users' rows",
      statements: [
        allow(['s3:ListBucket'], getAtt('LakeBucket', 'Arn')),
        // Every table's files: reads the small ones, writes the merged file and its manifest, deletes
        // what the manifest superseded.
        allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], sub('${LakeBucket.Arn}/*')),
        // An erasure also deletes the past versions of the partitions it rewrote (the bucket is
        // versioned), so that no erased row outlives it there; only the tables with users' rows.
        allow(['s3:ListBucketVersions'], getAtt('LakeBucket', 'Arn')),
        allow(
          ['s3:DeleteObjectVersion'],
          ['clickstream_events', 'session_changes'].map((table) => sub(`\${LakeBucket.Arn}/${table}/*`)),
        ),
      ],
      memorySize: 2048,
      timeout: 900,
      // One run at a time: a run deletes what it superseded, so two must never interleave.
      reservedConcurrency: 1,
      environment: {
        LAKE_BUCKET: ref('LakeBucket'),
        COMPACTION_SETTLE_MINUTES: param('compactionSettleMinutes', '10'),
      },
      events: [{ schedule: param('compactionSchedule', 'rate(10 minutes)') }],
    }),
    apiFunction({
      name: 'queryLake',
      description: 'POST /query; one read-only SQL query or saved query over the lake (DuckDB locally, Athena on AWS)',
      routes: ['POST /query'],
      statements: [
        allow(
          [
            'athena:StartQueryExecution',
            'athena:GetQueryExecution',
            'athena:GetQueryResults',
            'athena:StopQueryExecution',
          ],
          regionalArn('athena', 'workgroup/${LakeWorkGroup}'),
        ),
        // Athena reads the catalog and the lake with the caller's role. Read-only: a statement that
        // would create or change a table or a file fails here. Any lake table may be queried.
        allow(
          ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions'],
          [
            regionalArn('glue', 'catalog'),
            regionalArn('glue', 'database/${LakeDatabase}'),
            regionalArn('glue', 'table/${LakeDatabase}/*'),
          ],
        ),
        allow(['s3:GetBucketLocation', 's3:ListBucket'], getAtt('LakeBucket', 'Arn')),
        allow(['s3:GetObject'], sub('${LakeBucket.Arn}/*')),
        // ... and writes the results where the work group puts them (results/), then reads them back.
        allow(['s3:GetBucketLocation', 's3:ListBucket'], getAtt('QueryResultsBucket', 'Arn')),
        allow(['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'], sub('${QueryResultsBucket.Arn}/results/*')),
      ],
      memorySize: 1024,
      timeout: 29,
      environment: {
        LAKE_BUCKET: ref('LakeBucket'),
        GLUE_DATABASE: ref('LakeDatabase'),
        ATHENA_WORK_GROUP: ref('LakeWorkGroup'),
        QUERY_TIMEOUT_SECONDS: param('queryTimeoutSeconds', '20'),
        // Empty: the defaults of shared/lake/src/constants.ts (512 MB, 2 threads, 4 MiB of rows).
        QUERY_MEMORY_LIMIT_MB: param('queryMemoryLimitMb', ''),
        QUERY_THREADS: param('queryThreads', ''),
        QUERY_MAX_RESULT_BYTES: param('queryMaxResultBytes', ''),
        // The orphan views use the join's session timeouts; the rate_bots view the bots' rate.
        ...SESSION_TIMEOUTS,
        ...BOT_RATE,
      },
    }),
    apiFunction({
      name: 'listSavedQueries',
      description: 'GET /query/saved; the saved queries POST /query runs by name',
      routes: ['GET /query/saved'],
    }),
  ],
  resources: {
    LakeBucket: privateBucket({
      // Compaction deletes the files it merged, and a writer may overwrite a file: the versions they
      // leave can be restored for lakeNoncurrentVersionDays, then expire.
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'expire-old-versions',
            Status: 'Enabled',
            NoncurrentVersionExpiration: { NoncurrentDays: param('lakeNoncurrentVersionDays', '30') },
            ExpiredObjectDeleteMarker: true,
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
        ],
      },
    }),
    LakeBucketPolicy: bucketPolicy('LakeBucket'),
    QueryResultsBucket: privateBucket({
      LifecycleConfiguration: { Rules: [{ Id: 'expire-query-results', Status: 'Enabled', ExpirationInDays: 7 }] },
    }),
    QueryResultsBucketPolicy: bucketPolicy('QueryResultsBucket'),
    LakeDatabase: {
      Type: 'AWS::Glue::Database',
      Properties: {
        CatalogId: ref('AWS::AccountId'),
        DatabaseInput: {
          Name: LAKE_DATABASE_NAME,
          Description: "The streaming data platform's lake (Parquet, partitioned by event hour)",
        },
      },
    },
    // The derived views (aggregates, distinct_bids, distinct joins, orphans, sessions, product_windows), as Athena views.
    // The orphan views wait for the join's session timeouts, the settings queryLake passes to DuckDB.
    ...glueViewResources({
      database: LAKE_DATABASE_NAME,
      settings: {
        bidsSessionTimeoutMs: timeoutMsSql(SESSION_TIMEOUTS.BIDS_SESSION_TIMEOUT_MINUTES),
        clicksSessionTimeoutMs: timeoutMsSql(SESSION_TIMEOUTS.CLICKS_SESSION_TIMEOUT_MINUTES),
        botEventsPerMinute: `CAST(${BOT_RATE.BOT_EVENTS_PER_MINUTE} AS BIGINT)`,
      },
    }),
    LakeWorkGroup: {
      Type: 'AWS::Athena::WorkGroup',
      Properties: {
        Name: 'sdp-lake-${sls:stage}',
        RecursiveDeleteOption: true,
        WorkGroupConfiguration: {
          EnforceWorkGroupConfiguration: true,
          PublishCloudWatchMetricsEnabled: true,
          // Scanning more than 10 GB in one query is a mistake at this platform's scale.
          BytesScannedCutoffPerQuery: 10737418240,
          ResultConfiguration: { OutputLocation: sub('s3://${QueryResultsBucket}/results/') },
        },
      },
    },
  },
  outputs: {
    LakeBucketName: ref('LakeBucket'),
    LakeDatabaseName: ref('LakeDatabase'),
    LakeWorkGroupName: ref('LakeWorkGroup'),
    LakeQueryResultsBucketName: ref('QueryResultsBucket'),
  },
  // Generated from src/domain/tables.ts by `npm run generate`.
  includeResources: ['${file(resources/glue-tables.yml)}'],
});
