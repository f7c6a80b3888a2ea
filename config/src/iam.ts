/**
 * IAM statements for the functions' own roles (docs/adr/0016-iam-role-per-function.md): what the
 * function helpers grant on their own, and `allow` for what a function's code calls.
 */
import { param } from './intrinsics.js';
import type { CfnValue, IamStatement } from './types.js';

/**
 * One statement that allows `actions` on `resource` (an ARN, an intrinsic, or a list of them).
 *
 * @example
 * allow(['dynamodb:Query'], getAtt('SessionsTable', 'Arn'))
 */
export const allow = (actions: string[], resource: CfnValue, condition?: CfnValue): IamStatement => ({
  Effect: 'Allow',
  Action: actions,
  Resource: resource,
  ...(condition === undefined ? {} : { Condition: condition }),
});

/**
 * Tracing is on for every function (provider.tracing.lambda), and the per-function roles do not get
 * its permissions from the framework. X-Ray has no resource-level permissions for these actions, so
 * AWS requires Resource '*'.
 */
export const tracing = allow(['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], '*');

/** Every API checks the caller's key (shared requireApiKey middleware, docs/adr/0013-api-keys.md). */
export const readApiKeys = allow(['dynamodb:GetItem'], param('apiKeysTableArn'));

/**
 * Every API leases its keys' rate tokens from the keys table's `rate#<key id>` items
 * (shared/http/src/auth/rateLeases.ts, docs/adr/0013-api-keys.md); the condition keeps it off the keys.
 */
export const leaseRateTokens = allow(['dynamodb:UpdateItem'], param('apiKeysTableArn'), {
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['rate#*'] },
});

/**
 * Lambda's Kinesis event source reads the stream with the function's role. The plugin adds a
 * statement of its own for it too (harmless); this one keeps the full set Lambda documents.
 */
export const readKinesisStream = (streamArn: CfnValue): IamStatement =>
  allow(
    [
      'kinesis:GetRecords',
      'kinesis:GetShardIterator',
      'kinesis:DescribeStream',
      'kinesis:DescribeStreamSummary',
      'kinesis:ListShards',
    ],
    streamArn,
  );

/** Lambda's DynamoDB event source reads the table's stream with the function's role. */
export const readTableStream = (streamArn: CfnValue): IamStatement =>
  allow(
    ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
    streamArn,
  );

/** Lambda sends the position of a batch it gave up on to the on-failure queue. */
export const sendToQueue = (queueArn: CfnValue): IamStatement => allow(['sqs:SendMessage'], queueArn);

/**
 * Records (changes) a consumer cannot process go to the failed-events store, and a record set aside
 * is never processed again (docs/adr/0014-failed-events.md).
 */
export const recordFailuresIn = (tableArn: CfnValue) => allow(['dynamodb:UpdateItem', 'dynamodb:GetItem'], tableArn);
export const recordFailures = recordFailuresIn(param('failedEventsTableArn'));

/**
 * A consumer of a stream keyed by `user_id` drops the records of erased users: it reads the
 * erased-users table's version item once per batch and the whole (small) table when it changed
 * (docs/adr/0022-erasure.md).
 */
export const readErasedUsers = allow(['dynamodb:GetItem', 'dynamodb:Scan'], param('erasedUsersTableArn'));

/** What each invocation of a reconciled consumer acknowledged goes to the consumer-progress table. */
export const recordProgress = allow(['dynamodb:PutItem'], param('consumerProgressTableArn'));
