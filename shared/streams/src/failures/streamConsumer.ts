import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  KinesisStreamBatchResponse,
  KinesisStreamEvent,
  KinesisStreamRecord,
} from 'aws-lambda';
import { logger } from '@sdp/shared-runtime';
import { dropErasedUsers, type RecordSubject } from '../erasure/dropErasedUsers.js';
import { dynamoDbErasedUsers } from '../erasure/erasedUsers.js';
import { userIdsInRecord } from '../erasure/userIdsInRecord.js';
import type { KinesisRecordText } from '../streams/readKinesisRecords.js';
import { failedEventsFromEnv } from './failedEventsFromEnv.js';
import { processStreamBatch, type ProcessStreamBatchOptions } from './processStreamBatch.js';
import { processTableChangeBatch } from './processTableChangeBatch.js';
import type { TableChange } from '../streams/publishTableChanges.js';
import type { StreamBatchOutcome } from './types.js';

/** Where a consumer reports what it skipped or could not do: warnings in the function's log. */
export type ConsumerLog = (message: string, data: Record<string, unknown>) => void;

/** The line a consumer logs after each batch: a message and the outcome's counts. */
export interface BatchSummary<O> {
  message: string;
  counts: (outcome: O) => Record<string, unknown>;
}

/**
 * The Lambda handler of a Kinesis stream consumer, the same for every one: Powertools Logger's
 * context, the batch run through `processStreamBatch` with the failed-events settings of the
 * function's environment (so no record blocks its shard), warnings to the log, and one info line
 * per batch with `summary`'s counts. Read the environment once, at cold start. When the environment
 * names the erased-users table (`ERASED_USERS_TABLE_NAME`: consumers of streams partitioned by
 * `user_id`), the records of erased users (by partition key) are dropped before `consume` sees them.
 *
 * @example
 * export const handler = streamConsumer(
 *   (records, log) => countDemandBatch(records, { counter, periodMinutes, retentionMs, now: () => new Date(), log }),
 *   { message: 'product demand counted', counts: ({ counted, duplicates }) => ({ counted, duplicates }) },
 * );
 */
export function streamConsumer<O extends StreamBatchOutcome>(
  consume: (records: KinesisRecordText[], log: ConsumerLog) => Promise<O>,
  summary: BatchSummary<O>,
) {
  return batchConsumer<KinesisStreamEvent, KinesisStreamBatchResponse, KinesisRecordText, O, KinesisStreamRecord>(
    processStreamBatch,
    'records',
    consume,
    summary,
    kinesisSubjectOf,
  );
}

/**
 * The Lambda handler of a DynamoDB stream consumer, as {@link streamConsumer} is for Kinesis: the
 * changes run through `processTableChangeBatch`, so a change that keeps failing is kept in the
 * failed-events store instead of blocking the table's stream, and a dependency's outage only
 * delays it. With `ERASED_USERS_TABLE_NAME`, changes of items keyed by an erased `user_id` are dropped.
 *
 * @example
 * export const handler = tableChangeConsumer(
 *   (changes, log) => publishWindowChanges(changes, { write: aggregates.write, log }),
 *   { message: 'aggregation windows published', counts: ({ published, skipped }) => ({ published, skipped }) },
 * );
 */
export function tableChangeConsumer<O extends StreamBatchOutcome>(
  consume: (changes: TableChange[], log: ConsumerLog) => Promise<O>,
  summary: BatchSummary<O>,
) {
  return batchConsumer<DynamoDBStreamEvent, DynamoDBBatchResponse, TableChange, O, DynamoDBRecord>(
    processTableChangeBatch,
    'changes',
    consume,
    summary,
    tableChangeSubjectOf,
  );
}

/** A Kinesis record of a stream partitioned by `user_id` is that user's (and the user's its data names), since it entered the stream. */
const kinesisSubjectOf = (record: KinesisStreamRecord): RecordSubject => ({
  // Usually the same id twice: hashed once.
  userIds: [
    ...new Set([
      record.kinesis.partitionKey,
      ...userIdsInRecord(Buffer.from(record.kinesis.data, 'base64').toString('utf8')),
    ]),
  ],
  arrivalMs: Math.round(record.kinesis.approximateArrivalTimestamp * 1000),
});

/** A change of an item keyed by `user_id` is that user's; DynamoDB gives its time to the second (locally the minute). */
const tableChangeSubjectOf = (record: DynamoDBRecord): RecordSubject => ({
  userIds: [record.dynamodb?.Keys?.user_id?.S].filter((userId): userId is string => userId !== undefined),
  arrivalMs: undefined,
});

/** The handler both kinds of consumer share: the failed-events settings read once, warnings and one summary line per batch. */
function batchConsumer<E extends { Records: S[] }, R, I, O extends StreamBatchOutcome, S>(
  run: (
    event: E,
    processItems: (items: I[]) => Promise<StreamBatchOutcome>,
    options: ProcessStreamBatchOptions,
  ) => Promise<R>,
  itemsName: string,
  consume: (items: I[], log: ConsumerLog) => Promise<O>,
  summary: BatchSummary<O>,
  subjectOf: (record: S) => RecordSubject,
) {
  const failedEvents = failedEventsFromEnv();
  const erasedUsersTable = process.env.ERASED_USERS_TABLE_NAME;
  const erasedUsers = erasedUsersTable ? dynamoDbErasedUsers(new DynamoDBClient({}), erasedUsersTable) : undefined;
  const log: ConsumerLog = (message, data) => logger.warn(message, data);
  return middy<E, R>()
    .use(injectLambdaContext(logger))
    .handler(async (event) => {
      if (erasedUsers) {
        const { kept, dropped } = dropErasedUsers(event.Records, subjectOf, await erasedUsers.current());
        if (dropped > 0) logger.info('records of erased users dropped', { dropped });
        if (kept.length === 0) return { batchItemFailures: [] } as R;
        event = { ...event, Records: kept };
      }
      return run(
        event,
        async (items) => {
          const outcome = await consume(items, log);
          logger.info(summary.message, { [itemsName]: items.length, ...summary.counts(outcome) });
          return outcome;
        },
        { ...failedEvents, log },
      );
    });
}
