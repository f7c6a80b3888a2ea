import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import type { KinesisRecordText } from '../streams/readKinesisRecords.js';
import { failedEventsFromEnv } from './failedEventsFromEnv.js';
import { processStreamBatch } from './processStreamBatch.js';
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
 * per batch with `summary`'s counts. Read the environment once, at cold start.
 *
 * @example
 * export const handler = streamConsumer(
 *   (records, log) => countDemandBatch(records, { counter, periodMinutes, retentionMs, now: () => new Date(), log }),
 *   { message: 'product demand counted', counts: ({ counted, duplicates }) => ({ counted, duplicates }) },
 * );
 */
export function streamConsumer<O extends StreamBatchOutcome>(consume: (records: KinesisRecordText[], log: ConsumerLog) => Promise<O>, summary: BatchSummary<O>) {
  const failedEvents = failedEventsFromEnv();
  const log: ConsumerLog = (message, data) => logger.warn(message, data);
  return middy<KinesisStreamEvent, KinesisStreamBatchResponse>()
    .use(injectLambdaContext(logger))
    .handler((event) =>
      processStreamBatch(
        event,
        async (records) => {
          const outcome = await consume(records, log);
          logger.info(summary.message, { records: records.length, ...summary.counts(outcome) });
          return outcome;
        },
        { ...failedEvents, log },
      ),
    );
}

/**
 * The Lambda handler of a DynamoDB stream consumer, as {@link streamConsumer} is for Kinesis: the
 * changes run through `processTableChangeBatch`, so a change that keeps failing is kept in the
 * failed-events store instead of blocking the table's stream, and a dependency's outage only
 * delays it.
 *
 * @example
 * export const handler = tableChangeConsumer(
 *   (changes, log) => publishWindowChanges(changes, { write: aggregates.write, log }),
 *   { message: 'aggregation windows published', counts: ({ published, skipped }) => ({ published, skipped }) },
 * );
 */
export function tableChangeConsumer<O extends StreamBatchOutcome>(consume: (changes: TableChange[], log: ConsumerLog) => Promise<O>, summary: BatchSummary<O>) {
  const failedEvents = failedEventsFromEnv();
  const log: ConsumerLog = (message, data) => logger.warn(message, data);
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(logger))
    .handler((event) =>
      processTableChangeBatch(
        event,
        async (changes) => {
          const outcome = await consume(changes, log);
          logger.info(summary.message, { changes: changes.length, ...summary.counts(outcome) });
          return outcome;
        },
        { ...failedEvents, log },
      ),
    );
}
