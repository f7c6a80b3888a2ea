import {
  allow,
  apiFunction,
  defineService,
  getAtt,
  kinesisConsumer,
  kinesisStream,
  param,
  ref,
  SESSION_TIMEOUTS,
  sub,
  table,
} from '../../config/src/index.js';

export default defineService({
  service: 'sdp-enrich',
  functions: [
    kinesisConsumer({
      name: 'joinEvents',
      description: 'Joins bids, impressions and clicks by tx_id on event time and emits them to the enriched stream',
      stream: param('rawEventsStreamArn'),
      batchSize: 500,
      batchWindow: 0,
      reconciled: true,
      statements: [
        // Loads join states (BatchGetItem) and saves each with one conditional PutItem.
        allow(['dynamodb:BatchGetItem', 'dynamodb:PutItem'], getAtt('JoinStateTable', 'Arn')),
        allow(['kinesis:PutRecords'], getAtt('EnrichedEventsStream', 'Arn')),
      ],
      environment: {
        ENRICHED_EVENTS_STREAM_NAME: ref('EnrichedEventsStream'),
        JOIN_STATE_TABLE_NAME: ref('JoinStateTable'),
        ...SESSION_TIMEOUTS,
        // At least 2880 (48 h; refused at start otherwise): aggregate reads the states' emitted copies (ADR 0006).
        JOIN_STATE_RETENTION_MINUTES: param('joinStateRetentionMinutes', '2880'),
      },
    }),
    apiFunction({
      name: 'listOrphans',
      description: 'GET /orphans; impressions and clicks in a time range that can no longer join',
      routes: ['GET /orphans'],
      statements: [
        allow(
          ['dynamodb:Query'],
          [sub('${JoinStateTable.Arn}/index/PendingImpressions'), sub('${JoinStateTable.Arn}/index/PendingClicks')],
        ),
      ],
      // Up to 31 days of two index partitions to page through.
      timeout: 29,
      environment: { JOIN_STATE_TABLE_NAME: ref('JoinStateTable'), ...SESSION_TIMEOUTS },
    }),
  ],
  resources: {
    EnrichedEventsStream: kinesisStream({ name: 'enriched-events', shardCount: 2 }),
    JoinStateTable: table({
      name: 'join-state',
      key: { tx_id: 'S' },
      // Sparse: only transactions with an impression (click) not joined yet, the orphan candidates.
      indexes: {
        PendingImpressions: { key: { pending_imp_day: 'S', pending_imp_at: 'S' }, projection: 'KEYS_ONLY' },
        PendingClicks: { key: { pending_click_day: 'S', pending_click_at: 'S' }, projection: 'KEYS_ONLY' },
      },
      timeToLive: 'expires_at',
    }),
  },
  outputs: {
    EnrichedEventsStreamArn: getAtt('EnrichedEventsStream', 'Arn'),
    // Aggregate reads which enriched record is each event's counted copy (docs/adr/0019-counting-per-batch.md).
    JoinStateTableName: ref('JoinStateTable'),
    JoinStateTableArn: getAtt('JoinStateTable', 'Arn'),
  },
});
