import type { PackagedResource } from './packagedTemplate.js';

type Properties = Record<string, unknown>;

/** `14 d`, `36 h` or `90 s`: a queue's retention in seconds, in the largest whole unit. */
const duration = (seconds: number): string =>
  seconds % 86_400 === 0 ? `${seconds / 86_400} d` : seconds % 3_600 === 0 ? `${seconds / 3_600} h` : `${seconds} s`;

/** What a bucket's enabled lifecycle rules expire, abort and move, each in a few words. */
function lifecycleOf(properties: Properties): string[] {
  const rules = ((properties.LifecycleConfiguration as { Rules?: Properties[] } | undefined)?.Rules ?? []).filter(
    (rule) => rule.Status === 'Enabled',
  );
  return rules.flatMap((rule) => {
    const prefix = (rule.Prefix ?? (rule.Filter as Properties | undefined)?.Prefix) as string | undefined;
    const under = prefix ? ` under ${prefix}` : '';
    const noncurrent = rule.NoncurrentVersionExpiration as Properties | undefined;
    const aborted = rule.AbortIncompleteMultipartUpload as Properties | undefined;
    const transitions = (rule.Transitions as Properties[] | undefined) ?? [];
    return [
      ...(rule.ExpirationInDays !== undefined ? [`objects${under} expire after ${rule.ExpirationInDays} d`] : []),
      ...(noncurrent
        ? [
            `old versions${under} expire after ${noncurrent.NoncurrentDays ?? noncurrent.NoncurrentVersionExpirationInDays} d`,
          ]
        : []),
      ...transitions.map((t) => `objects${under} move to ${t.StorageClass} after ${t.TransitionInDays} d`),
      ...(aborted ? [`unfinished uploads aborted after ${aborted.DaysAfterInitiation} d`] : []),
    ];
  });
}

/**
 * How long a stateful resource keeps what it holds, in a few words: a table's point-in-time
 * recovery, expiry and change stream; a stream's retention, shards and encryption; a bucket's
 * versions and lifecycle; a queue's message retention (CloudFormation's defaults where unset).
 *
 * @example
 * retentionOf(joinStateTable) // 'point-in-time recovery, items expire by expires_at'
 */
export function retentionOf(resource: PackagedResource): string {
  const p = resource.Properties ?? {};
  switch (resource.Type) {
    case 'AWS::DynamoDB::Table': {
      const recovery = (p.PointInTimeRecoverySpecification as Properties | undefined)?.PointInTimeRecoveryEnabled;
      const ttl = p.TimeToLiveSpecification as Properties | undefined;
      const stream = (p.StreamSpecification as Properties | undefined)?.StreamViewType;
      return [
        String(recovery) === 'true' ? 'point-in-time recovery' : 'NO point-in-time recovery',
        ...(ttl && String(ttl.Enabled) === 'true' ? [`items expire by ${String(ttl.AttributeName)}`] : []),
        ...(stream ? [`changes streamed (${String(stream)}, kept 24 h)`] : []),
        ...(String(p.DeletionProtectionEnabled) === 'true' ? ['deletion protection'] : []),
      ].join(', ');
    }
    case 'AWS::Kinesis::Stream': {
      const encryption = p.StreamEncryption as Properties | undefined;
      const mode = (p.StreamModeDetails as Properties | undefined)?.StreamMode;
      return [
        `records kept ${String(p.RetentionPeriodHours ?? 24)} h`,
        mode === 'ON_DEMAND'
          ? 'on-demand capacity'
          : `${String(p.ShardCount ?? 1)} shard${String(p.ShardCount) === '1' ? '' : 's'}`,
        encryption ? `encrypted (${String(encryption.KeyId)})` : 'NOT encrypted',
      ].join(', ');
    }
    case 'AWS::S3::Bucket': {
      const versioned = (p.VersioningConfiguration as Properties | undefined)?.Status === 'Enabled';
      return [versioned ? 'versioned' : 'one version', ...lifecycleOf(p)].join(', ');
    }
    case 'AWS::SQS::Queue':
      return `messages kept ${duration(Number(p.MessageRetentionPeriod ?? 345_600))}`;
    default:
      return '';
  }
}
