import {
  allow,
  defineService,
  getAtt,
  kinesisConsumer,
  kinesisStream,
  param,
  ref,
  table,
  tableChangeConsumer,
} from '../../config/src/index.js';

export default defineService({
  service: 'sdp-aggregate',
  functions: [
    kinesisConsumer({
      name: 'aggregateWindows',
      description:
        'Counts enriched events per campaign and event-time window, exactly once per logical event, one write per window and batch',
      stream: param('enrichedEventsStreamArn'),
      batchSize: 1000,
      statements: [
        // One conditional update per window and batch (docs/adr/0019-counting-per-batch.md).
        allow(['dynamodb:UpdateItem'], getAtt('AggregationsTable', 'Arn')),
        // Which copy of each event counts is named in enrich's join state.
        allow(['dynamodb:BatchGetItem'], param('joinStateTableArn')),
      ],
      environment: {
        AGGREGATIONS_TABLE_NAME: ref('AggregationsTable'),
        AGGREGATION_PERIOD_MINUTES: param('aggregationPeriodMinutes', '1'),
        JOIN_STATE_TABLE_NAME: param('joinStateTableName'),
      },
    }),
    tableChangeConsumer({
      name: 'publishAggregates',
      description: 'Publishes every changed aggregation window to the aggregates stream',
      table: 'AggregationsTable',
      statements: [allow(['kinesis:PutRecords'], getAtt('AggregatesStream', 'Arn'))],
      environment: { AGGREGATES_STREAM_NAME: ref('AggregatesStream') },
    }),
  ],
  resources: {
    // Windows are kept forever: late events update their own window whatever their age, and no TTL is
    // configured. Set timeToLive here to bound retention (ADR 0005).
    AggregationsTable: table({
      name: 'aggregations',
      key: { campaign_item_id: 'N', window_start: 'S' },
      // Every campaign's windows of one UTC day, for "which campaigns were active when".
      indexes: { ByDay: { key: { window_day: 'S', window_start: 'S' }, projection: 'ALL' } },
      stream: 'NEW_IMAGE',
    }),
    AggregatesStream: kinesisStream({ name: 'aggregates', shardCount: 1 }),
  },
  outputs: {
    AggregationsTableName: ref('AggregationsTable'),
    AggregationsTableArn: getAtt('AggregationsTable', 'Arn'),
    AggregatesStreamArn: getAtt('AggregatesStream', 'Arn'),
  },
});
