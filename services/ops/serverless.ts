import {
  allow,
  apiFunction,
  defineService,
  functionArn,
  getAtt,
  param,
  ref,
  sub,
  table,
} from '../../config/src/index.js';

/**
 * The stream consumers a replay may re-drive: exactly the functions that set records aside in the
 * failed-events table (FAILED_EVENTS_TABLE_NAME in their environment: every kinesisConsumer and
 * tableChangeConsumer); test/iamLeastPrivilege.test.ts checks the packaged templates both ways.
 */
const REPLAYABLE_CONSUMERS = {
  'sdp-enrich': ['joinEvents'],
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
  },
  outputs: {
    ConsumerProgressTableName: ref('ConsumerProgressTable'),
    ConsumerProgressTableArn: getAtt('ConsumerProgressTable', 'Arn'),
    FailedEventsTableName: ref('FailedEventsTable'),
    FailedEventsTableArn: getAtt('FailedEventsTable', 'Arn'),
  },
});
