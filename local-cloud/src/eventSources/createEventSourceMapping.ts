import { dynamoDbStreamsJsonClient, kinesisJsonClient } from './awsJsonClient.js';
import { createDynamoDbShardSource } from './dynamodb/createDynamoDbShardSource.js';
import { createKinesisShardSource } from './kinesis/createKinesisShardSource.js';
import { StreamEventSourceMapping } from './StreamEventSourceMapping.js';
import type { EventSourceMapping, EventSourceMappingDeps, Invoke, StreamTrigger } from './types.js';

/**
 * Creates a Lambda event source mapping for a Kinesis or DynamoDB stream trigger, with AWS semantics:
 * one sequential poller per shard (parents before children), batching window, checkpoints per
 * mapping and shard under `deps.stateDir`, `ReportBatchItemFailures`, bisect on function error,
 * retry limit, record age limit and on-failure destination.
 *
 * Deviations from AWS:
 * - `stop()` waits for the invocation in flight and checkpoints it if it succeeded, so a clean stop
 *   causes no redelivery; a failed in-flight batch is neither retried nor checkpointed.
 * - `LATEST` is fixed when the mapping is first created (the shard tip is persisted), so records
 *   written while the local cloud is down are delivered on the next start, as they are on AWS.
 * - Records older than `maximumRecordAgeInSeconds` are given up on in arrival order (the expired
 *   prefix of a batch), whether or not they were already tried.
 * - `filterPatterns`, tumbling windows and parallelization factor are not supported.
 * - DynamoDB Local rounds `ApproximateCreationDateTime` to the minute, so `lagMs` and record age of
 *   DynamoDB records can be up to 60 s too high.
 *
 * @example
 * ```ts
 * const mapping = createEventSourceMapping(trigger, (event) => pool.invoke('joinEvents', event), {
 *   kinesisEndpoint, dynamoDbEndpoint, stateDir: '.data/esm', onFailure: fileOnFailureSink('.data/on-failure'),
 * });
 * await mapping.start();
 * // …
 * await mapping.stop();
 * ```
 */
export const createEventSourceMapping = (
  trigger: StreamTrigger,
  invoke: Invoke,
  deps: EventSourceMappingDeps,
): EventSourceMapping =>
  new StreamEventSourceMapping(trigger, invoke, {
    source:
      trigger.kind === 'kinesis'
        ? createKinesisShardSource(kinesisJsonClient(deps.kinesisEndpoint), trigger.streamArn)
        : createDynamoDbShardSource(dynamoDbStreamsJsonClient(deps.dynamoDbEndpoint), trigger.streamArn),
    stateDir: deps.stateDir,
    onFailure: deps.onFailure,
    log: deps.log ?? (() => undefined),
    ...(deps.activity ? { activity: deps.activity } : {}),
  });
