/**
 * Stream consumers: a function, its event source mapping, its role and its on-failure queue, set up
 * the one way every consumer of the platform is (docs/adr/0014-failed-events.md):
 * - The mapping reads from the stream's oldest record (TRIM_HORIZON), one batch of a shard at a time
 *   (no parallelization factor), and takes the handler's partial batch failures
 *   (ReportBatchItemFailures): a shard stays in order and resumes at its first unfinished record.
 * - processStreamBatch (processTableChangeBatch) sets a record that keeps failing aside in the
 *   failed-events store itself, after FAILED_EVENT_MAX_ATTEMPTS; so Lambda retries a batch without a
 *   count limit until its records are MAX_RECORD_AGE_SECONDS old, and only an outage holds a shard.
 *   Bisection stays on for a batch that throws. The on-failure queue is the last resort.
 * - The consumer reserves its own concurrency (CONSUMER_RESERVED_CONCURRENCY).
 * - Replay may invoke it, since its environment names the failed-events table (the ops service's
 *   replayFailedEvent; test/iamLeastPrivilege.test.ts checks both ways).
 */
import {
  CONSUMER_RESERVED_CONCURRENCY,
  CONSUMER_TIMEOUT_SECONDS,
  FAILED_EVENT_MAX_ATTEMPTS,
  MAX_RECORD_AGE_SECONDS,
  TABLE_CHANGE_BATCH_SIZE,
} from './constants.js';
import { lambdaFunction } from './functions.js';
import {
  readErasedUsers,
  readKinesisStream,
  readTableStream,
  recordFailures,
  recordFailuresIn,
  recordProgress,
  sendToQueue,
} from './iam.js';
import { getAtt, param } from './intrinsics.js';
import { failureQueue } from './resources.js';
import type { CfnValue, FunctionDefinition, FunctionOptions, IamStatement } from './types.js';

/** What some consumers add to the options every consumer has. */
interface ErasureOptions {
  /**
   * The failed-events table, when the consumer's own service owns it (the ops service); otherwise the
   * compose params `failedEventsTableName` and `failedEventsTableArn`
   */
  failedEventsTable?: { name: CfnValue; arn: CfnValue };
  /**
   * The stream is keyed by `user_id` (the table by `user_id`): the records of erased users are dropped
   * before the consumer sees them (ERASED_USERS_TABLE_NAME; docs/adr/0022-erasure.md)
   */
  dropsErasedUsers?: boolean;
}

export interface KinesisConsumerOptions extends FunctionOptions, ErasureOptions {
  /** The ARN of the stream, usually a param from serverless-compose.yml: `param('rawEventsStreamArn')` */
  stream: CfnValue;
  /** Records per batch, at most 10,000 */
  batchSize: number;
  /** Seconds to gather a batch (MaximumBatchingWindowInSeconds); unset, Lambda's 0 */
  batchWindow?: number | string;
  /**
   * Records what each invocation acknowledged in the consumer-progress table, for GET /reconciliation
   * (the raw stream's consumers; ops' RECONCILED_CONSUMERS names them)
   */
  reconciled?: boolean;
}

/**
 * A consumer of a Kinesis stream (see above for how every consumer reads, retries and sets aside).
 *
 * @example
 * kinesisConsumer({
 *   name: 'sessionizeClickstream',
 *   description: "Adds clickstream events to their users' event-time sessions, each event exactly once",
 *   stream: param('clickstreamStreamArn'),
 *   batchSize: 500,
 *   statements: [allow(['dynamodb:BatchGetItem', 'dynamodb:PutItem'], getAtt('SessionsTable', 'Arn'))],
 *   environment: { SESSIONS_TABLE_NAME: ref('SessionsTable') },
 * })
 */
export function kinesisConsumer(options: KinesisConsumerOptions): FunctionDefinition {
  const { stream, batchSize, batchWindow, reconciled = false } = options;
  return streamConsumer(options, {
    type: 'kinesis',
    arn: stream,
    read: readKinesisStream(stream),
    batchSize,
    ...(batchWindow === undefined ? {} : { batchWindow }),
    reconciled,
  });
}

export interface TableChangeConsumerOptions extends FunctionOptions, ErasureOptions {
  /** The logical id of a table of the service that has a stream (`stream` of table()) */
  table: string;
  /** Changes per batch; TABLE_CHANGE_BATCH_SIZE (100) unless said otherwise */
  batchSize?: number;
}

/**
 * A consumer of a DynamoDB table's stream, through processTableChangeBatch (see above).
 *
 * @example
 * tableChangeConsumer({
 *   name: 'publishSessions',
 *   description: 'Publishes every new version of a session to the sessions stream',
 *   table: 'SessionsTable',
 *   statements: [allow(['kinesis:PutRecords'], getAtt('SessionsStream', 'Arn'))],
 *   environment: { SESSIONS_STREAM_NAME: ref('SessionsStream') },
 * })
 */
export function tableChangeConsumer(options: TableChangeConsumerOptions): FunctionDefinition {
  const arn = getAtt(options.table, 'StreamArn');
  return streamConsumer(options, {
    type: 'dynamodb',
    arn,
    read: readTableStream(arn),
    batchSize: options.batchSize ?? TABLE_CHANGE_BATCH_SIZE,
    reconciled: false,
  });
}

function streamConsumer(
  options: FunctionOptions & ErasureOptions,
  source: {
    type: 'kinesis' | 'dynamodb';
    arn: CfnValue;
    read: IamStatement;
    batchSize: number;
    batchWindow?: number | string;
    reconciled: boolean;
  },
): FunctionDefinition {
  const { type, arn, read, batchSize, batchWindow, reconciled } = source;
  const queueId = `${options.name[0]!.toUpperCase()}${options.name.slice(1)}Failures`;
  const queueArn = getAtt(queueId, 'Arn');
  const fn = lambdaFunction({
    ...options,
    timeout: options.timeout ?? CONSUMER_TIMEOUT_SECONDS,
    reservedConcurrency: options.reservedConcurrency ?? CONSUMER_RESERVED_CONCURRENCY,
    statements: [
      read,
      sendToQueue(queueArn),
      ...(options.statements ?? []),
      options.failedEventsTable ? recordFailuresIn(options.failedEventsTable.arn) : recordFailures,
      ...(reconciled ? [recordProgress] : []),
      ...(options.dropsErasedUsers ? [readErasedUsers] : []),
    ],
    environment: {
      FAILED_EVENTS_TABLE_NAME: options.failedEventsTable?.name ?? param('failedEventsTableName'),
      FAILED_EVENT_MAX_ATTEMPTS,
      // What each invocation processed, for GET /reconciliation (docs/adr/0014-failed-events.md).
      ...(reconciled ? { CONSUMER_PROGRESS_TABLE_NAME: param('consumerProgressTableName') } : {}),
      ...(options.dropsErasedUsers ? { ERASED_USERS_TABLE_NAME: param('erasedUsersTableName') } : {}),
      ...options.environment,
    },
    events: [
      {
        stream: {
          type,
          arn,
          batchSize,
          ...(batchWindow === undefined ? {} : { batchWindow }),
          startingPosition: 'TRIM_HORIZON',
          maximumRetryAttempts: -1,
          maximumRecordAgeInSeconds: MAX_RECORD_AGE_SECONDS,
          bisectBatchOnFunctionError: true,
          functionResponseType: 'ReportBatchItemFailures',
          destinations: { onFailure: { arn: queueArn, type: 'sqs' } },
        },
      },
    ],
  });
  const queueName = `${options.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}-failures`;
  return { ...fn, resources: { [queueId]: failureQueue(queueName) } };
}
