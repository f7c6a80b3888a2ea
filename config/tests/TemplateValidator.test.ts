import { TemplateValidator } from '../src/TemplateValidator.js';

/** A table as the `table` helper writes it, with changes. */
const tableWith = (changes: Record<string, unknown>) => ({
  Type: 'AWS::DynamoDB::Table',
  DeletionPolicy: 'Retain',
  UpdateReplacePolicy: 'Retain',
  Properties: {
    TableName: 'sdp-orders-dev-orders',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'order_id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'order_id', KeyType: 'HASH' }],
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    ...changes,
  },
});

describe('TemplateValidator', () => {
  let validator: TemplateValidator;

  beforeAll(() => {
    // About 2.5 s: the engine loads AWS's resource schemas once for every case.
    validator = new TemplateValidator();
  });

  afterAll(() => validator.free());

  it('accepts a template that AWS accepts, intrinsics included', () => {
    // Prepare
    const template = {
      Resources: {
        OrdersTable: tableWith({}),
        OrderEvents: {
          Type: 'AWS::Kinesis::Stream',
          Properties: {
            ShardCount: { 'Fn::If': ['Busy', 4, 1] },
            RetentionPeriodHours: 24,
            StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
          },
        },
        OrderFailures: {
          Type: 'AWS::SQS::Queue',
          Properties: { QueueName: { 'Fn::Sub': '${AWS::StackName}-failures' }, MessageRetentionPeriod: 1209600 },
        },
      },
      Conditions: { Busy: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } },
      Outputs: { OrdersTableArn: { Value: { 'Fn::GetAtt': ['OrdersTable', 'Arn'] } } },
    };

    // Act
    const problems = validator.problemsOf('orders', template);

    // Assess
    expect(problems).toStrictEqual([]);
  });

  it('names every property AWS would refuse: unknown ones, words for booleans and numbers, values outside the allowed, missing required ones, unknown types', () => {
    // Prepare
    const template = {
      Resources: {
        OrdersTable: tableWith({
          Colour: 'red',
          DeletionProtectionEnabled: 'maybe',
          BillingMode: 'ON_DEMAND',
        }),
        OrderFailures: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 'two weeks' } },
        OrderEvents: { Type: 'AWS::Kinesis::Stream', Properties: { StreamEncryption: { KeyId: 'alias/aws/kinesis' } } },
        OrderExports: { Type: 'AWS::S3::Bukket', Properties: {} },
      },
    };

    // Act
    const problems = validator.problemsOf('orders', template);

    // Assess
    expect(problems.sort()).toStrictEqual([
      "orders OrderEvents Properties.StreamEncryption: 'EncryptionType' is a required property [F3003]",
      "orders OrderExports: Unknown resource type 'AWS::S3::Bukket' [F3006]",
      "orders OrderFailures Properties.MessageRetentionPeriod: 'two weeks' is not of type 'integer' [F3012]",
      "orders OrdersTable Properties.BillingMode: 'ON_DEMAND' is not one of ['PAY_PER_REQUEST', 'PROVISIONED'] [W3030]",
      "orders OrdersTable Properties.Colour: Additional properties are not allowed ('Colour' was unexpected) [F3002]",
      "orders OrdersTable Properties.DeletionProtectionEnabled: 'maybe' is not of type 'boolean' [F3012]",
    ]);
  });

  it("leaves out the warnings the framework's own resources raise", () => {
    // Prepare
    const template = {
      Resources: {
        // W3011: no UpdateReplacePolicy; W3005: DependsOn already implied by the Ref.
        JoinEventsLogGroup: { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Retain', Properties: {} },
        JoinEventsFailures: {
          Type: 'AWS::SQS::Queue',
          DependsOn: ['JoinEventsLogGroup'],
          Properties: { QueueName: { Ref: 'JoinEventsLogGroup' } },
        },
      },
    };

    // Act
    const problems = validator.problemsOf('enrich', template);

    // Assess
    expect(problems).toStrictEqual([]);
  });
});
