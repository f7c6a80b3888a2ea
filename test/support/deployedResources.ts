/**
 * The data-protection check of a packaged CloudFormation template: what must hold of every stream,
 * table, bucket and HTTP API the platform deploys (docs/architecture.md, "Deployment").
 * - Kinesis streams are encrypted with the AWS-managed key (`alias/aws/kinesis`).
 * - DynamoDB tables and S3 buckets survive a stack deletion or a replacement (`DeletionPolicy` and
 *   `UpdateReplacePolicy: Retain`; not the framework's deployment bucket, see below); tables keep
 *   point-in-time recovery. No table is exempt: even the
 *   TTL tables hold state a consumer's correctness depends on (join state, consumer progress).
 * - Every bucket has a policy that denies any request not made over TLS (`aws:SecureTransport`).
 * - The lake bucket keeps versions (compaction deletes objects) and expires the old ones.
 * - Every HTTP API stage writes access logs and throttles every route (a rate and a burst).
 * - Every stream consumer (a function with an event source mapping) reserves its own concurrency,
 *   so a flood of HTTP requests cannot take the account's concurrency from it.
 */
import { resourceText, statementsOf, type CfnResource, type CfnTemplate } from './iamPolicy.js';

/** A template's resource with the attributes CloudFormation reads beside its properties. */
type Resource = CfnResource & { DeletionPolicy?: string; UpdateReplacePolicy?: string };

/** The logical id of the lake bucket, which must keep versions. */
export const LAKE_BUCKET = 'LakeBucket';

/**
 * The framework's deployment bucket is the one bucket not retained: it holds only packaged zips and
 * templates that every deploy uploads again, and `serverless remove` empties and deletes it. The
 * framework gives it the TLS-only policy itself.
 */
export const DEPLOYMENT_BUCKET = 'ServerlessDeploymentBucket';

const ofType = (template: CfnTemplate, type: string) =>
  Object.entries(template.Resources as Record<string, Resource>).filter(([, resource]) => resource.Type === type);
const retained = (resource: Resource) =>
  resource.DeletionPolicy === 'Retain' && resource.UpdateReplacePolicy === 'Retain';

/** Every problem of one service's template, one line each; none when it is as it should be. */
export function problemsOfDeployedResources(service: string, template: CfnTemplate): string[] {
  const problems: string[] = [];
  for (const [id, stream] of ofType(template, 'AWS::Kinesis::Stream')) {
    const encryption = stream.Properties?.StreamEncryption as { EncryptionType?: string; KeyId?: string } | undefined;
    if (encryption?.EncryptionType !== 'KMS' || encryption.KeyId !== 'alias/aws/kinesis')
      problems.push(`${service} ${id}: stream not encrypted with alias/aws/kinesis`);
  }
  for (const [id, table] of ofType(template, 'AWS::DynamoDB::Table')) {
    if (!retained(table))
      problems.push(`${service} ${id}: table not retained (DeletionPolicy and UpdateReplacePolicy Retain)`);
    const recovery = table.Properties?.PointInTimeRecoverySpecification as
      { PointInTimeRecoveryEnabled?: boolean } | undefined;
    if (recovery?.PointInTimeRecoveryEnabled !== true)
      problems.push(`${service} ${id}: table without point-in-time recovery`);
  }
  const policies = ofType(template, 'AWS::S3::BucketPolicy').map(([, policy]) => policy);
  for (const [id, bucket] of ofType(template, 'AWS::S3::Bucket')) {
    if (id !== DEPLOYMENT_BUCKET && !retained(bucket))
      problems.push(`${service} ${id}: bucket not retained (DeletionPolicy and UpdateReplacePolicy Retain)`);
    const statements = policies
      .filter((policy) => resourceText(policy.Properties?.Bucket) === `\${${id}}`)
      .flatMap(statementsOf);
    // The bucket's ARN written either way: `${X.Arn}` or `arn:${AWS::Partition}:s3:::${X}`.
    const arnText = (resource: unknown) =>
      resourceText(resource).replace(`arn:\${AWS::Partition}:s3:::\${${id}}`, `\${${id}.Arn}`);
    const deniesInsecure = statements.some(
      (s) =>
        s.Effect === 'Deny' &&
        [s.Action].flat().includes('s3:*') &&
        String((s.Condition as { Bool?: Record<string, unknown> } | undefined)?.Bool?.['aws:SecureTransport']) ===
          'false' &&
        [s.Resource].flat().map(arnText).sort().join(' ') === [`\${${id}.Arn}`, `\${${id}.Arn}/*`].join(' ') &&
        (s as { Principal?: unknown }).Principal === '*',
    );
    if (!deniesInsecure)
      problems.push(
        `${service} ${id}: bucket policy does not deny requests without TLS (aws:SecureTransport false) on the bucket and its objects`,
      );
    if (id === LAKE_BUCKET) {
      const versioning = bucket.Properties?.VersioningConfiguration as { Status?: string } | undefined;
      const rules = (
        (bucket.Properties?.LifecycleConfiguration as { Rules?: Record<string, unknown>[] } | undefined)?.Rules ?? []
      ).filter((rule) => rule.Status === 'Enabled');
      if (versioning?.Status !== 'Enabled') problems.push(`${service} ${id}: lake bucket without versioning`);
      if (!rules.some((rule) => rule.NoncurrentVersionExpiration !== undefined))
        problems.push(`${service} ${id}: lake bucket keeps noncurrent versions forever`);
    }
  }
  for (const [id, stage] of ofType(template, 'AWS::ApiGatewayV2::Stage')) {
    const logs = stage.Properties?.AccessLogSettings as { DestinationArn?: unknown; Format?: string } | undefined;
    if (!logs?.DestinationArn || !logs.Format) problems.push(`${service} ${id}: HTTP API stage without access logs`);
    const throttling = stage.Properties?.DefaultRouteSettings as
      { ThrottlingRateLimit?: unknown; ThrottlingBurstLimit?: unknown } | undefined;
    if (!(Number(throttling?.ThrottlingRateLimit) > 0 && Number(throttling?.ThrottlingBurstLimit) > 0))
      problems.push(`${service} ${id}: HTTP API stage without a throttling rate and burst`);
  }
  const consumers = new Set(
    ofType(template, 'AWS::Lambda::EventSourceMapping').map(([, mapping]) =>
      resourceText(mapping.Properties?.FunctionName),
    ),
  );
  for (const [id, fn] of ofType(template, 'AWS::Lambda::Function')) {
    const isConsumer = [`\${${id}.Arn}`, `\${${id}}`].some((name) => consumers.has(name));
    if (isConsumer && !(Number(fn.Properties?.ReservedConcurrentExecutions) > 0))
      problems.push(`${service} ${id}: stream consumer without reserved concurrency`);
  }
  return problems;
}
