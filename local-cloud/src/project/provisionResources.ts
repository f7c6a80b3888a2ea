import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  waitUntilStreamExists,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { NoLocalCounterpartError } from '../errors.js';
import { resolveIntrinsics, type IntrinsicContext } from './resolveIntrinsics.js';
import type { CfnResource } from './types.js';

export const LOCAL_ACCOUNT_ID = '000000000000';

export interface LocalResource {
  type: string;
  /** What `Ref` returns */
  ref: string;
  attributes: Record<string, string>;
}

/**
 * Creates, on the local emulators, the Kinesis streams and DynamoDB tables (with their streams and TTL)
 * a service declares in `resources`, and describes SQS queues (on-failure destinations, kept as files),
 * S3 buckets (directories under LOCAL_OBJECT_STORE_DIR), the Glue database and Athena work group (named
 * only: DuckDB queries the lake locally). Existing ones are reused, so a restart keeps their data.
 * Other resource types have no local counterpart and are skipped.
 */
export async function provisionResources(options: {
  stackName: string;
  region: string;
  resources: Record<string, CfnResource>;
  kinesis: KinesisClient;
  dynamoDb: DynamoDBClient;
}): Promise<Map<string, LocalResource>> {
  const { stackName, region, resources, kinesis, dynamoDb } = options;
  const provisioned = new Map<string, LocalResource>();
  const context = intrinsicContext(provisioned, stackName, region);
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!hasLocalCounterpart(resource.Type)) continue;
    const properties = resolveIntrinsics(resource.Properties ?? {}, context) as Record<string, unknown>;
    const local = describeLocalResource(logicalId, resource.Type, properties, stackName, region)!;
    if (resource.Type === 'AWS::Kinesis::Stream') {
      await createKinesisStream(kinesis, local.ref, Number(properties.ShardCount ?? 4));
    }
    if (resource.Type === 'AWS::DynamoDB::Table') {
      const streamArn = await createTable(dynamoDb, local.ref, properties);
      if (streamArn) local.attributes.StreamArn = streamArn;
    }
    provisioned.set(logicalId, local);
  }
  return provisioned;
}

/**
 * The name (what `Ref` returns) and ARNs of a resource the local cloud provides, from its resolved
 * properties alone; undefined for types with no local counterpart.
 */
export function describeLocalResource(
  logicalId: string,
  type: string,
  properties: Record<string, unknown>,
  stackName: string,
  region: string,
): LocalResource | undefined {
  const arn = (service: string, resourcePath: string) =>
    `arn:aws:${service}:${region}:${LOCAL_ACCOUNT_ID}:${resourcePath}`;
  const name = (property: string) => String(properties[property] ?? `${stackName}-${logicalId}`);
  switch (type) {
    case 'AWS::Kinesis::Stream':
      return { type, ref: name('Name'), attributes: { Arn: arn('kinesis', `stream/${name('Name')}`) } };
    case 'AWS::DynamoDB::Table':
      return { type, ref: name('TableName'), attributes: { Arn: arn('dynamodb', `table/${name('TableName')}`) } };
    case 'AWS::SQS::Queue':
      return {
        type,
        ref: `https://sqs.${region}.amazonaws.com/${LOCAL_ACCOUNT_ID}/${name('QueueName')}`,
        attributes: { Arn: arn('sqs', name('QueueName')), QueueName: name('QueueName') },
      };
    case 'AWS::S3::Bucket': {
      // S3 bucket names are lower case; CloudFormation generates one when BucketName is left out.
      const bucket = name('BucketName').toLowerCase();
      return {
        type,
        ref: bucket,
        attributes: { Arn: `arn:aws:s3:::${bucket}`, DomainName: `${bucket}.s3.amazonaws.com` },
      };
    }
    case 'AWS::Glue::Database': {
      const database = String(
        (properties.DatabaseInput as { Name?: string } | undefined)?.Name ?? logicalId.toLowerCase(),
      );
      return { type, ref: database, attributes: {} };
    }
    case 'AWS::Athena::WorkGroup':
      return { type, ref: name('Name'), attributes: {} };
    // Named only, so roles can be passed around (a SageMaker execution role); nothing checks IAM locally.
    case 'AWS::IAM::Role':
      return {
        type,
        ref: name('RoleName'),
        attributes: { Arn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/${name('RoleName')}` },
      };
    default:
      return undefined;
  }
}

/**
 * Whether the local cloud provides resources of this type. Checked before resolving a resource's
 * properties, which may refer to resources it does not provide (a bucket policy naming a CloudFront
 * distribution). Asks describeLocalResource, so the supported types are listed in one place.
 */
export function hasLocalCounterpart(type: string): boolean {
  return describeLocalResource('Probe', type, {}, 'probe', 'us-east-1') !== undefined;
}

/** Ref and Fn::GetAtt over provisioned resources, plus the pseudo parameters. */
export function intrinsicContext(
  resources: ReadonlyMap<string, LocalResource>,
  stackName: string,
  region: string,
): IntrinsicContext {
  const pseudo: Record<string, string> = {
    'AWS::Region': region,
    'AWS::AccountId': LOCAL_ACCOUNT_ID,
    'AWS::StackName': stackName,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  return {
    ref(logicalId) {
      const value = pseudo[logicalId] ?? resources.get(logicalId)?.ref;
      if (value === undefined) throw new NoLocalCounterpartError(stackName, logicalId, `Ref to '${logicalId}'`);
      return value;
    },
    getAtt(logicalId, attribute) {
      const value = resources.get(logicalId)?.attributes[attribute];
      if (value === undefined)
        throw new NoLocalCounterpartError(stackName, logicalId, `Fn::GetAtt ${logicalId}.${attribute}`);
      return value;
    },
  };
}

async function createKinesisStream(kinesis: KinesisClient, name: string, shardCount: number): Promise<void> {
  try {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shardCount }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
  await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30, minDelay: 0.1, maxDelay: 0.5 }, { StreamName: name });
  await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
}

async function createTable(
  dynamoDb: DynamoDBClient,
  name: string,
  properties: Record<string, unknown>,
): Promise<string | undefined> {
  const input = {
    TableName: name,
    KeySchema: properties.KeySchema,
    AttributeDefinitions: properties.AttributeDefinitions,
    GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes,
    LocalSecondaryIndexes: properties.LocalSecondaryIndexes,
    StreamSpecification: properties.StreamSpecification
      ? { StreamEnabled: true, ...(properties.StreamSpecification as object) }
      : undefined,
    BillingMode: 'PAY_PER_REQUEST',
  } as CreateTableCommandInput;
  try {
    await dynamoDb.send(new CreateTableCommand(input));
    const ttl = properties.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
    await waitUntilTableExists(
      { client: dynamoDb, maxWaitTime: 30, minDelay: 0.1, maxDelay: 0.5 },
      { TableName: name },
    );
    if (ttl?.Enabled)
      await dynamoDb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: ttl }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
  const { Table } = await dynamoDb.send(new DescribeTableCommand({ TableName: name }));
  return Table?.LatestStreamArn;
}
