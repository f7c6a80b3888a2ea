/**
 * The resources the services declare, with the data protection every one of its kind holds to
 * (docs/architecture.md, "Deployment"; test/deployedResources.test.ts checks every packaged template).
 */
import { FAILURE_QUEUE_RETENTION_SECONDS, STREAM_RETENTION_HOURS } from './constants.js';
import { getAtt, ref, stackScopedName, sub } from './intrinsics.js';
import type { CfnResource, CfnValue } from './types.js';

/**
 * Kept when the stack is removed or the resource replaced: tables and buckets hold the platform's
 * data and state (a consumer's correctness depends even on the TTL tables' items).
 */
const RETAIN = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } as const;

/**
 * A Kinesis stream `<service>-<stage>-<name>`, kept 24 h, encrypted with the AWS-managed key:
 * producers and consumers (Lambda's event source mappings included) need no KMS permission for it,
 * only for a customer-managed key.
 */
export const kinesisStream = (options: { name: string; shardCount: number | string }): CfnResource => ({
  Type: 'AWS::Kinesis::Stream',
  Properties: {
    Name: stackScopedName(options.name),
    ShardCount: options.shardCount,
    RetentionPeriodHours: STREAM_RETENTION_HOURS,
    StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
  },
});

type AttributeType = 'S' | 'N' | 'B';
/** A key: its hash attribute, then its range attribute if any, each with its type. */
type KeyAttributes = Record<string, AttributeType>;

/**
 * A DynamoDB table `<service>-<stage>-<name>`, on demand, retained, restorable to any second of the
 * last 35 days (point-in-time recovery). Its attribute definitions are its key's and its indexes' attributes.
 *
 * @example
 * table({
 *   name: 'aggregations',
 *   key: { campaign_item_id: 'N', window_start: 'S' },
 *   indexes: { ByDay: { key: { window_day: 'S', window_start: 'S' }, projection: 'ALL' } },
 *   stream: 'NEW_IMAGE',
 * })
 */
export const table = (options: {
  name: string;
  key: KeyAttributes;
  indexes?: Record<string, { key: KeyAttributes; projection: 'ALL' | 'KEYS_ONLY' }>;
  stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
  /** The attribute that holds each item's expiry time (epoch seconds) */
  timeToLive?: string;
  /** Encrypted with the AWS-owned key, SSESpecification says so explicitly */
  sseEnabled?: boolean;
}): CfnResource => {
  const indexes = Object.entries(options.indexes ?? {});
  const attributes = new Map<string, AttributeType>();
  for (const key of [options.key, ...indexes.map(([, index]) => index.key)])
    for (const [name, type] of Object.entries(key)) attributes.set(name, type);
  return {
    Type: 'AWS::DynamoDB::Table',
    ...RETAIN,
    Properties: {
      TableName: stackScopedName(options.name),
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
      KeySchema: keySchema(options.key),
      ...(indexes.length === 0
        ? {}
        : {
            GlobalSecondaryIndexes: indexes.map(([IndexName, index]) => ({
              IndexName,
              KeySchema: keySchema(index.key),
              Projection: { ProjectionType: index.projection },
            })),
          }),
      ...(options.stream ? { StreamSpecification: { StreamViewType: options.stream } } : {}),
      ...(options.timeToLive ? { TimeToLiveSpecification: { AttributeName: options.timeToLive, Enabled: true } } : {}),
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      ...(options.sseEnabled ? { SSESpecification: { SSEEnabled: true } } : {}),
    },
  };
};

const keySchema = (key: KeyAttributes): CfnValue =>
  Object.keys(key).map((AttributeName, i) => ({ AttributeName, KeyType: i === 0 ? 'HASH' : 'RANGE' }));

/**
 * A private S3 bucket: encrypted (SSE-S3), every kind of public access blocked, retained. Pair it
 * with httpsOnlyPolicy.
 */
export const privateBucket = (properties: Record<string, CfnValue> = {}): CfnResource => ({
  Type: 'AWS::S3::Bucket',
  ...RETAIN,
  Properties: {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    },
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    },
    ...properties,
  },
});

/** The statement every bucket's policy holds: any request to the bucket or its objects without TLS is denied. */
export const denyWithoutTls = (bucket: string): CfnValue => ({
  Sid: 'HttpsOnly',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [getAtt(bucket, 'Arn'), sub(`\${${bucket}.Arn}/*`)],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/** The policy of a bucket of the service: the statements given, then denyWithoutTls. */
export const bucketPolicy = (bucket: string, ...statements: CfnValue[]): CfnResource => ({
  Type: 'AWS::S3::BucketPolicy',
  Properties: {
    Bucket: ref(bucket),
    PolicyDocument: { Version: '2012-10-17', Statement: [...statements, denyWithoutTls(bucket)] },
  },
});

/** A stream consumer's on-failure queue `<service>-<stage>-<name>`, where Lambda sends the position of a batch it gave up on. */
export const failureQueue = (name: string): CfnResource => ({
  Type: 'AWS::SQS::Queue',
  Properties: { QueueName: stackScopedName(name), MessageRetentionPeriod: FAILURE_QUEUE_RETENTION_SECONDS },
});

/**
 * Stack outputs, which serverless-compose.yml passes to other services as params.
 *
 * @example
 * outputs({ JoinStateTableName: ref('JoinStateTable') })  // { JoinStateTableName: { Value: { Ref: 'JoinStateTable' } } }
 */
export const outputs = (values: Record<string, CfnValue>): Record<string, { Value: CfnValue }> =>
  Object.fromEntries(Object.entries(values).map(([name, Value]) => [name, { Value }]));
