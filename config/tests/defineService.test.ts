import {
  apiFunction,
  defineService,
  getAtt,
  kinesisConsumer,
  lambdaFunction,
  param,
  ref,
  table,
} from '../src/index.js';

describe('defineService', () => {
  it("puts the shared settings around the service's functions, with their queues among its resources and its HTTP API throttled", () => {
    // Act
    const config = defineService({
      service: 'sdp-x',
      functions: [
        kinesisConsumer({ name: 'countThings', description: 'd', stream: param('s'), batchSize: 10 }),
        apiFunction({ name: 'listThings', description: 'd', routes: ['GET /things'] }),
      ],
      resources: { ThingsTable: table({ name: 'things', key: { id: 'S' } }) },
      outputs: { ThingsTableName: ref('ThingsTable') },
    });

    // Assess
    expect(config).toMatchObject({
      service: 'sdp-x',
      frameworkVersion: '3',
      configValidationMode: 'error',
      plugins: ['serverless-esbuild', 'serverless-iam-roles-per-function'],
      provider: { runtime: 'nodejs20.x', iam: { role: { statements: [] } } },
      package: { individually: true },
      custom: { esbuild: { format: 'esm' } },
      resources: {
        extensions: {
          HttpApiStage: {
            Properties: {
              DefaultRouteSettings: {
                ThrottlingRateLimit: '${param:httpApiRateLimit, 1000}',
                ThrottlingBurstLimit: '${param:httpApiBurstLimit, 2000}',
              },
            },
          },
        },
        Outputs: { ThingsTableName: { Value: { Ref: 'ThingsTable' } } },
      },
    });
    expect(Object.keys(config.functions as object)).toStrictEqual(['countThings', 'listThings']);
    expect(Object.keys((config.resources as { Resources: object }).Resources)).toStrictEqual([
      'ThingsTable',
      'CountThingsFailures',
    ]);
  });

  it('leaves plugins, bundling and throttling out of a service without functions or routes', () => {
    // Act
    const config = defineService({ service: 'sdp-x', resources: { T: table({ name: 't', key: { id: 'S' } }) } });

    // Assess
    expect(config).not.toHaveProperty('plugins');
    expect(config).not.toHaveProperty('functions');
    expect(config.custom).toStrictEqual({});
    expect(Object.keys(config.resources as object)).toStrictEqual(['Resources']);
  });

  it('gives every function copies of the statements it shares with others', () => {
    // Act
    const config = defineService({
      service: 'sdp-x',
      functions: ['a', 'b'].map((name) => apiFunction({ name, description: 'd', routes: [`GET /${name}`] })),
    }) as { functions: Record<string, { iamRoleStatements: unknown[] }> };

    // Assess
    expect(config.functions.a!.iamRoleStatements).toStrictEqual(config.functions.b!.iamRoleStatements);
    expect(config.functions.a!.iamRoleStatements[0]).not.toBe(config.functions.b!.iamRoleStatements[0]);
  });

  it('refuses two functions or two resources of the same name, and an API function that outlasts its route', () => {
    // Prepare
    const fn = lambdaFunction({ name: 'a', description: 'd' });
    const consumer = kinesisConsumer({ name: 'a', description: 'd', stream: param('s'), batchSize: 1 });

    // Act and assess
    expect(() => defineService({ service: 'sdp-x', functions: [fn, fn] })).toThrow('sdp-x: two functions are named a');
    expect(() =>
      defineService({ service: 'sdp-x', functions: [consumer], resources: { AFailures: { Type: 'AWS::SQS::Queue' } } }),
    ).toThrow('sdp-x: two resources are named AFailures');
    expect(() => apiFunction({ name: 'a', description: 'd', routes: ['GET /a'], timeout: 60 })).toThrow(
      "a: an API function's timeout is at most 29 s (HTTP APIs wait at most 30 s), not 60",
    );
  });
});

describe('table', () => {
  it("defines the key's and the indexes' attributes once each, in order, and keeps the table with point-in-time recovery", () => {
    // Act
    const orders = table({
      name: 'orders',
      key: { order_id: 'S', product_id: 'S' },
      indexes: {
        ByUser: { key: { user_id: 'S', ordered_at: 'S' }, projection: 'ALL' },
        ByProduct: { key: { product_id: 'S', ordered_at: 'S' }, projection: 'KEYS_ONLY' },
      },
      stream: 'NEW_IMAGE',
      timeToLive: 'expires_at',
    });

    // Assess
    expect(orders).toStrictEqual({
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: '${self:service}-${sls:stage}-orders',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['order_id', 'product_id', 'user_id', 'ordered_at'].map((AttributeName) => ({
          AttributeName,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: 'order_id', KeyType: 'HASH' },
          { AttributeName: 'product_id', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'ByUser',
            KeySchema: [
              { AttributeName: 'user_id', KeyType: 'HASH' },
              { AttributeName: 'ordered_at', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'ByProduct',
            KeySchema: [
              { AttributeName: 'product_id', KeyType: 'HASH' },
              { AttributeName: 'ordered_at', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      },
    });
    expect(getAtt('OrdersTable', 'Arn')).toStrictEqual({ 'Fn::GetAtt': ['OrdersTable', 'Arn'] });
  });
});
