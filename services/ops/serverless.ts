import {
  allow,
  apiFunction,
  defineService,
  ERASURE_SETTLE_SECONDS,
  functionArn,
  getAtt,
  param,
  ref,
  sub,
  table,
  tableChangeConsumer,
} from '../../config/src/index.js';

/**
 * The stream consumers a replay may re-drive: exactly the functions that set records aside in the
 * failed-events table (FAILED_EVENTS_TABLE_NAME in their environment: every kinesisConsumer and
 * tableChangeConsumer); test/iamLeastPrivilege.test.ts checks the packaged templates both ways.
 */
const REPLAYABLE_CONSUMERS = {
  'sdp-enrich': ['joinEvents'],
  'sdp-ops': ['completeErasures'],
  'sdp-aggregate': ['aggregateWindows', 'publishAggregates'],
  'sdp-sessions': ['sessionizeClickstream', 'publishSessions'],
  'sdp-demand': ['countProductDemand', 'publishProductWindows'],
  'sdp-pricing': ['hydrateDemand', 'adjustPrices'],
  'sdp-lake': [
    'landRawEvents',
    'landEnrichedEvents',
    'landAggregates',
    'landClickstream',
    'landSessions',
    'landProductWindows',
  ],
};

// Counts and reconciliation read every failed record.
const scanFailedEvents = allow(['dynamodb:Scan'], getAtt('FailedEventsTable', 'Arn'));
const failedEvents = { FAILED_EVENTS_TABLE_NAME: ref('FailedEventsTable') };
const erasureTables = {
  ERASED_USERS_TABLE_NAME: ref('ErasedUsersTable'),
  ERASURES_TABLE_NAME: ref('ErasuresTable'),
};
/**
 * The functions that remove a user's data from the stores their services own, invoked by
 * completeErasures (docs/adr/0022-erasure.md): sessions, order lines, the lake's rows (the lake's
 * compaction function, so that a rewrite and a compaction never interleave).
 */
const ERASERS = {
  SESSIONS_ERASER_FUNCTION: ['sdp-sessions', 'eraseUserSessions'],
  ORDERS_ERASER_FUNCTION: ['sdp-catalog', 'eraseUserOrders'],
  LAKE_ERASER_FUNCTION: ['sdp-lake', 'compactLake'],
} as const;
// One transaction: the tombstone (a put, on condition when lifted), the tombstones' version item, the
// log's new entry.
const writeErasure = [
  allow(['dynamodb:PutItem', 'dynamodb:UpdateItem'], getAtt('ErasedUsersTable', 'Arn')),
  allow(['dynamodb:PutItem'], getAtt('ErasuresTable', 'Arn')),
];
// The erasure log: reads a user's entries (newest first) and the tombstone.
const readErasures = [
  allow(['dynamodb:GetItem'], getAtt('ErasedUsersTable', 'Arn')),
  allow(['dynamodb:Query'], getAtt('ErasuresTable', 'Arn')),
];

export default defineService({
  service: 'sdp-ops',
  functions: [
    apiFunction({
      name: 'listFailedEvents',
      description: 'GET /failed-events; records the stream consumers set aside, newest first',
      routes: ['GET /failed-events'],
      statements: [allow(['dynamodb:Query'], sub('${FailedEventsTable.Arn}/index/ByStatus'))],
      environment: failedEvents,
    }),
    apiFunction({
      name: 'getFailedEvent',
      description: 'GET /failed-events/{failure_id}; one failed record with its data, error and attempts',
      routes: ['GET /failed-events/{failure_id}'],
      statements: [allow(['dynamodb:GetItem'], getAtt('FailedEventsTable', 'Arn'))],
      environment: failedEvents,
    }),
    apiFunction({
      name: 'replayFailedEvent',
      description: 'POST /failed-events/{failure_id}/replay; re-drives a failed record through its consumer, once',
      routes: ['POST /failed-events/{failure_id}/replay'],
      statements: [
        // Reads the record, claims it (conditional update) and marks it replayed or failed.
        allow(['dynamodb:GetItem', 'dynamodb:UpdateItem'], getAtt('FailedEventsTable', 'Arn')),
        allow(
          ['lambda:InvokeFunction'],
          Object.entries(REPLAYABLE_CONSUMERS).flatMap(([service, names]) =>
            names.map((name) => functionArn(service, name)),
          ),
        ),
      ],
      // The consumer runs inside this call.
      timeout: 29,
      environment: failedEvents,
    }),
    apiFunction({
      name: 'failedEventCounts',
      description: 'GET /reports/failed-events; failed records per consumer and status',
      routes: ['GET /reports/failed-events'],
      statements: [scanFailedEvents],
      environment: failedEvents,
    }),
    apiFunction({
      name: 'reconcileStream',
      description:
        'GET /reconciliation; per ingest minute, accepted = processed + failed + in flight for each raw-stream consumer',
      routes: ['GET /reconciliation'],
      statements: [
        scanFailedEvents,
        allow(['dynamodb:Query'], getAtt('ConsumerProgressTable', 'Arn')),
        // Reads the raw stream over the range (AT_TIMESTAMP), shard by shard.
        allow(['kinesis:ListShards', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], param('rawEventsStreamArn')),
      ],
      // Reads the raw stream over the range.
      timeout: 29,
      memorySize: 1024,
      environment: {
        ...failedEvents,
        CONSUMER_PROGRESS_TABLE_NAME: ref('ConsumerProgressTable'),
        RAW_EVENTS_STREAM_NAME: param('rawEventsStreamName'),
        // The consumers that record their progress (kinesisConsumer's `reconciled`).
        RECONCILED_CONSUMERS: 'sdp-enrich-${sls:stage}-joinEvents,sdp-lake-${sls:stage}-landRawEvents',
      },
    }),
    apiFunction({
      name: 'eraseUser',
      description: "DELETE /users/{user_id}; writes the user's tombstone and starts the erasure of their data",
      routes: ['DELETE /users/{user_id}'],
      statements: writeErasure,
      environment: erasureTables,
    }),
    apiFunction({
      name: 'getUserErasure',
      description: "GET /users/{user_id}/erasure; the user's tombstone and erasure log",
      routes: ['GET /users/{user_id}/erasure'],
      statements: readErasures,
      environment: erasureTables,
    }),
    apiFunction({
      name: 'liftTombstone',
      description: 'DELETE /users/{user_id}/tombstone; un-erases a user: their new events count again',
      routes: ['DELETE /users/{user_id}/tombstone'],
      statements: [...readErasures, ...writeErasure],
      environment: erasureTables,
    }),
    tableChangeConsumer({
      name: 'completeErasures',
      description: "Removes erased users' data from every store that keeps it and completes their erasures",
      table: 'ErasuresTable',
      // Its own service's failed-events store, where a change it cannot process is kept.
      failedEventsTable: { name: ref('FailedEventsTable'), arn: getAtt('FailedEventsTable', 'Arn') },
      statements: [
        allow(['dynamodb:UpdateItem'], getAtt('ErasuresTable', 'Arn')),
        // The failed records that name the user (this service's own store).
        allow(['dynamodb:Scan', 'dynamodb:DeleteItem'], getAtt('FailedEventsTable', 'Arn')),
        allow(
          ['lambda:InvokeFunction'],
          Object.values(ERASERS).map(([service, name]) => functionArn(service, name)),
        ),
      ],
      // Waits for the consumers that read the tombstones before it was written, then for the lake's rewrite.
      timeout: 900,
      environment: {
        ...erasureTables,
        ...Object.fromEntries(
          Object.entries(ERASERS).map(([variable, [service, name]]) => [variable, `${service}-\${sls:stage}-${name}`]),
        ),
        ERASURE_SETTLE_SECONDS,
      },
    }),
    apiFunction({
      name: 'getCost',
      description:
        "GET /cost; what this stage would cost on AWS over the last day, from CloudWatch's usage metrics and the dated list prices",
      routes: ['GET /cost'],
      statements: [
        // Usage metrics and function memory sizes of this stage; these reads have no resource-level permissions.
        allow(['cloudwatch:ListMetrics', 'cloudwatch:GetMetricData', 'lambda:ListFunctions'], '*'),
      ],
      // Lists and sums a day of metrics.
      timeout: 29,
    }),
  ],
  resources: {
    // One item per record a consumer failed: `retrying` while it retries (expires after a week),
    // `failed` once set aside, then `replaying` / `replayed` (docs/adr/0014-failed-events.md).
    FailedEventsTable: table({
      name: 'failed-events',
      key: { failure_id: 'S' },
      indexes: { ByStatus: { key: { status: 'S', last_failed_at: 'S' }, projection: 'ALL' } },
      timeToLive: 'expires_at',
    }),
    // One item per consumer invocation: the range of a shard it acknowledged, counted per ingest
    // minute. Keyed by the range's first record, so a re-delivery overwrites instead of adding.
    ConsumerProgressTable: table({
      name: 'consumer-progress',
      key: { function_name: 'S', shard_sequence: 'S' },
      timeToLive: 'expires_at',
    }),
    // A tombstone per erased user (`erased`, or `lifted` with the time from which their events count
    // again), keyed by the SHA-256 of the user id, and one version item every change raises; every consumer of a stream keyed by user_id
    // reads it once per batch (docs/adr/0022-erasure.md).
    ErasedUsersTable: table({ name: 'erased-users', key: { user_key: 'S' } }),
    // The erasure log: every erasure and lift of a user (by the id's SHA-256), who asked, when, what
    // was removed. Its stream drives completeErasures.
    ErasuresTable: table({
      name: 'erasures',
      key: { user_key: 'S', erasure_id: 'S' },
      stream: 'NEW_IMAGE',
    }),
  },
  outputs: {
    ErasedUsersTableName: ref('ErasedUsersTable'),
    ErasedUsersTableArn: getAtt('ErasedUsersTable', 'Arn'),
    ConsumerProgressTableName: ref('ConsumerProgressTable'),
    ConsumerProgressTableArn: getAtt('ConsumerProgressTable', 'Arn'),
    FailedEventsTableName: ref('FailedEventsTable'),
    FailedEventsTableArn: getAtt('FailedEventsTable', 'Arn'),
  },
});
