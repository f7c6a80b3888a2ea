import { allow, getAtt, kinesisConsumer, param, ref, tableChangeConsumer } from '../src/index.js';

const tracing = { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' };
const recordFailures = {
  Effect: 'Allow',
  Action: ['dynamodb:UpdateItem', 'dynamodb:GetItem'],
  Resource: '${param:failedEventsTableArn}',
};
const retried = {
  startingPosition: 'TRIM_HORIZON',
  maximumRetryAttempts: -1,
  maximumRecordAgeInSeconds: 82800,
  bisectBatchOnFunctionError: true,
  functionResponseType: 'ReportBatchItemFailures',
};

describe('kinesisConsumer', () => {
  it('gives the function its mapping, its role, the failed-events settings and an on-failure queue of its own', () => {
    // Act
    const consumer = kinesisConsumer({
      name: 'countProductDemand',
      description: 'Counts views per product window',
      stream: param('clickstreamStreamArn'),
      batchSize: 1000,
      statements: [allow(['dynamodb:UpdateItem'], getAtt('ProductWindowsTable', 'Arn'))],
      environment: { PRODUCT_WINDOWS_TABLE_NAME: ref('ProductWindowsTable') },
    });

    // Assess
    expect(consumer).toStrictEqual({
      name: 'countProductDemand',
      config: {
        handler: 'src/handlers/countProductDemand.handler',
        description: 'Counts views per product window',
        timeout: 60,
        reservedConcurrency: '${param:consumerReservedConcurrency, 5}',
        iamRoleStatements: [
          {
            Effect: 'Allow',
            Action: [
              'kinesis:GetRecords',
              'kinesis:GetShardIterator',
              'kinesis:DescribeStream',
              'kinesis:DescribeStreamSummary',
              'kinesis:ListShards',
            ],
            Resource: '${param:clickstreamStreamArn}',
          },
          {
            Effect: 'Allow',
            Action: ['sqs:SendMessage'],
            Resource: { 'Fn::GetAtt': ['CountProductDemandFailures', 'Arn'] },
          },
          {
            Effect: 'Allow',
            Action: ['dynamodb:UpdateItem'],
            Resource: { 'Fn::GetAtt': ['ProductWindowsTable', 'Arn'] },
          },
          recordFailures,
          tracing,
        ],
        environment: {
          FAILED_EVENTS_TABLE_NAME: '${param:failedEventsTableName}',
          FAILED_EVENT_MAX_ATTEMPTS: "${param:failedEventMaxAttempts, '5'}",
          PRODUCT_WINDOWS_TABLE_NAME: { Ref: 'ProductWindowsTable' },
        },
        events: [
          {
            stream: {
              type: 'kinesis',
              arn: '${param:clickstreamStreamArn}',
              batchSize: 1000,
              ...retried,
              destinations: {
                onFailure: { arn: { 'Fn::GetAtt': ['CountProductDemandFailures', 'Arn'] }, type: 'sqs' },
              },
            },
          },
        ],
      },
      resources: {
        CountProductDemandFailures: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            QueueName: '${self:service}-${sls:stage}-count-product-demand-failures',
            MessageRetentionPeriod: 1209600,
          },
        },
      },
    });
  });

  it('records the progress of a reconciled consumer, and takes its handler, batching window and settings as given', () => {
    // Act
    const { config } = kinesisConsumer({
      name: 'landRawEvents',
      handler: 'src/handlers/landRecords.handler',
      description: 'Lands the raw events',
      stream: param('rawEventsStreamArn'),
      batchSize: 10000,
      batchWindow: 2,
      reconciled: true,
      memorySize: 1024,
      timeout: 60,
    });

    // Assess
    expect(config).toMatchObject({
      handler: 'src/handlers/landRecords.handler',
      memorySize: 1024,
      timeout: 60,
      environment: { CONSUMER_PROGRESS_TABLE_NAME: '${param:consumerProgressTableName}' },
      events: [{ stream: { batchSize: 10000, batchWindow: 2 } }],
    });
    expect(config.iamRoleStatements.slice(-2)).toStrictEqual([
      { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: '${param:consumerProgressTableArn}' },
      tracing,
    ]);
  });
});

describe('tableChangeConsumer', () => {
  it("reads its table's stream in batches of 100, retried and set aside like a Kinesis consumer's", () => {
    // Act
    const { config, resources } = tableChangeConsumer({
      name: 'publishSessions',
      description: 'Publishes every new version of a session',
      table: 'SessionsTable',
    });

    // Assess
    expect(config.iamRoleStatements[0]).toStrictEqual({
      Effect: 'Allow',
      Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
      Resource: { 'Fn::GetAtt': ['SessionsTable', 'StreamArn'] },
    });
    expect(config.events).toStrictEqual([
      {
        stream: {
          type: 'dynamodb',
          arn: { 'Fn::GetAtt': ['SessionsTable', 'StreamArn'] },
          batchSize: 100,
          ...retried,
          destinations: { onFailure: { arn: { 'Fn::GetAtt': ['PublishSessionsFailures', 'Arn'] }, type: 'sqs' } },
        },
      },
    ]);
    expect(Object.keys(resources!)).toStrictEqual(['PublishSessionsFailures']);
  });
});
