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
  service: 'sdp-demand',
  functions: [
    kinesisConsumer({
      name: 'countProductDemand',
      description:
        'Counts views, carts, checkouts and purchases per product and event-time window, exactly the events sessions adds',
      stream: param('clickstreamStreamArn'),
      dropsErasedUsers: true,
      batchSize: 1000,
      statements: [
        // One conditional update per product window and batch (docs/adr/0019-counting-per-batch.md).
        allow(['dynamodb:UpdateItem'], getAtt('ProductWindowsTable', 'Arn')),
        // Which records sessions added is in the users' state items of the sessions table.
        allow(['dynamodb:BatchGetItem'], param('sessionsTableArn')),
      ],
      environment: {
        PRODUCT_WINDOWS_TABLE_NAME: ref('ProductWindowsTable'),
        PRODUCT_WINDOW_MINUTES: param('productWindowMinutes', '1'),
        // Empty: DEFAULT_SIGNALS_PER_SHOPPER of src/domain/constants.ts (5 views, carts, checkouts, purchases each per product window).
        SHOPPER_SIGNALS_PER_WINDOW: param('shopperSignalsPerWindow', ''),
        SESSIONS_TABLE_NAME: param('sessionsTableName'),
      },
    }),
    tableChangeConsumer({
      name: 'publishProductWindows',
      description: 'Publishes every changed product window to the product windows stream',
      table: 'ProductWindowsTable',
      statements: [allow(['kinesis:PutRecords'], getAtt('ProductWindowsStream', 'Arn'))],
      environment: { PRODUCT_WINDOWS_STREAM_NAME: ref('ProductWindowsStream') },
    }),
  ],
  resources: {
    // One item per product and event-time window (ProductWindow); kept forever, like campaign windows.
    ProductWindowsTable: table({
      name: 'product-windows',
      key: { product_id: 'S', window_start: 'S' },
      // Every product's windows of one UTC day, for "which products were active when".
      indexes: { ByDay: { key: { window_day: 'S', window_start: 'S' }, projection: 'ALL' } },
      stream: 'NEW_IMAGE',
    }),
    // Every version of every product window (ProductWindow), partitioned by product_id.
    ProductWindowsStream: kinesisStream({ name: 'product-windows', shardCount: 1 }),
  },
  outputs: {
    ProductWindowsTableName: ref('ProductWindowsTable'),
    ProductWindowsTableArn: getAtt('ProductWindowsTable', 'Arn'),
    ProductWindowsStreamArn: getAtt('ProductWindowsStream', 'Arn'),
  },
});
