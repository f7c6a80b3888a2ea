import { composedServicesOf } from '../src/composeServices.js';
import { deployPlanOf } from '../src/deployPlan.js';
import type { PackagedTemplate } from '../src/packagedTemplate.js';

const deploymentBucket = { ServerlessDeploymentBucket: { Type: 'AWS::S3::Bucket', Properties: {} } };
const retain = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const KEYS_TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/sdp-keys-prod-api-keys';

/** A function with its own role, as serverless-iam-roles-per-function packages it. */
const functionWithRole = (name: string, statements: unknown[]): PackagedTemplate['Resources'] => ({
  [`${name}LambdaFunction`]: {
    Type: 'AWS::Lambda::Function',
    Properties: {
      FunctionName: `sdp-orders-prod-${name.charAt(0).toLowerCase()}${name.slice(1)}`,
      Role: { 'Fn::GetAtt': [`${name}IamRoleLambdaExecution`, 'Arn'] },
    },
  },
  [`${name}IamRoleLambdaExecution`]: {
    Type: 'AWS::IAM::Role',
    Properties: { Policies: [{ PolicyDocument: { Statement: statements } }] },
  },
});

const services = composedServicesOf(`
services:
  web:
    path: services/web
  orders:
    path: services/orders
    params:
      apiKeysTableArn: \${keys.ApiKeysTableArn}
      keysTable: \${keys.ApiKeysTableArn}
      currency: EUR
  keys:
    path: services/keys
`);

const templates: Record<string, PackagedTemplate> = {
  keys: {
    Resources: {
      ...deploymentBucket,
      ApiKeysTable: {
        Type: 'AWS::DynamoDB::Table',
        ...retain,
        Properties: {
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
        },
      },
    },
  },
  orders: {
    Resources: {
      ...deploymentBucket,
      ...functionWithRole('PlaceOrder', [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: [
            {
              'Fn::Sub':
                'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/sdp-orders-prod-placeOrder:*:*',
            },
          ],
        },
        { Effect: 'Allow', Action: ['kinesis:PutRecords'], Resource: { 'Fn::GetAtt': ['OrderEvents', 'Arn'] } },
        { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: KEYS_TABLE },
        {
          Effect: 'Allow',
          Action: ['dynamodb:UpdateItem'],
          Resource: KEYS_TABLE,
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['rate#*'] } },
        },
        { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
        { Effect: 'Allow', Action: ['s3:PutObject'], Resource: { 'Fn::Sub': '${ExportsBucket.Arn}/orders/*' } },
        { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: { 'Fn::GetAtt': ['OrdersTable', 'Arn'] } },
      ]),
      OrderEvents: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
      OrderFailures: { Type: 'AWS::SQS::Queue', Properties: {} },
      OrdersTable: { Type: 'AWS::DynamoDB::Table', ...retain, Properties: {} },
    },
  },
  web: {
    Resources: {
      ...deploymentBucket,
      SiteBucket: {
        Type: 'AWS::S3::Bucket',
        ...retain,
        Properties: {
          VersioningConfiguration: { Status: 'Enabled' },
          LifecycleConfiguration: {
            Rules: [
              { Status: 'Enabled', Prefix: 'tmp/', ExpirationInDays: 1 },
              { Status: 'Disabled', ExpirationInDays: 2 },
              { Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
            ],
          },
        },
      },
    },
  },
};

describe('deployPlanOf', () => {
  it('lists the stacks in deployment order, the params between them, each function on one line and every stateful resource', () => {
    // Prepare
    const stacks = { keys: 'sdp-keys-prod', orders: 'sdp-orders-prod', web: 'sdp-web-prod' };
    const problems = {
      templates: ['orders OrderEvents Properties.ShardCont: Additional properties are not allowed [F3002]'],
      compose: [],
    };

    // Act
    const plan = deployPlanOf({ stage: 'prod', services, stacks, templates, problems });

    // Assess
    expect(plan.split('\n')).toStrictEqual([
      'Deploy plan for stage prod: 3 stacks, 1 function',
      '✖ CloudFormation: 1 problem',
      '    orders OrderEvents Properties.ShardCont: Additional properties are not allowed [F3002]',
      '✔ Compose: every param a stack reads is passed, from a stack that deploys before it',
      '',
      'Stacks in deployment order (each after the stacks it waits for; those of one step deploy in parallel)',
      '  1.  sdp-web-prod',
      '      sdp-keys-prod',
      '  2.  sdp-orders-prod  after keys',
      '',
      'Params between stacks (output → param: the stacks it is passed to)',
      '  keys.ApiKeysTableArn  → apiKeysTableArn: orders; keysTable: orders',
      '  "EUR"                 → currency: orders',
      '',
      "Function permissions (besides each function's own log group and X-Ray; its own stack's resources by logical id)",
      '  orders placeOrder  kinesis:PutRecords on OrderEvents; dynamodb:GetItem on table/sdp-keys-prod-api-keys, OrdersTable; dynamodb:UpdateItem on table/sdp-keys-prod-api-keys if dynamodb:LeadingKeys like rate#*; s3:PutObject on ExportsBucket/orders/*',
      '',
      "Stateful resources (DeletionPolicy/UpdateReplacePolicy, Delete* where CloudFormation's default applies; retention)",
      '  web       bucket  SiteBucket                  Retain/Retain    versioned, objects under tmp/ expire after 1 d, old versions expire after 30 d',
      '  keys      table   ApiKeysTable                Retain/Retain    point-in-time recovery, items expire by expires_at',
      '  orders    table   OrdersTable                 Retain/Retain    NO point-in-time recovery',
      '  orders    stream  OrderEvents                 Delete*/Delete*  records kept 24 h, 1 shard, NOT encrypted',
      '  orders    queue   OrderFailures               Delete*/Delete*  messages kept 4 d',
      '  3 stacks  bucket  ServerlessDeploymentBucket  Delete*/Delete*  the packaged code and templates, uploaded again by every deploy',
      '',
    ]);
  });
});
