import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type {
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  KinesisStreamBatchResponse,
  KinesisStreamEvent,
} from 'aws-lambda';
import { logger } from '@sdp/shared-runtime';
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
 * per batch with `summary`'s counts. Read the environment once, at cold start.
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
  return batchConsumer<KinesisStreamEvent, KinesisStreamBatchResponse, KinesisRecordText, O>(
    processStreamBatch,
    'records',
    consume,
    summary,
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
export function tableChangeConsumer<O extends StreamBatchOutcome>(
  consume: (changes: TableChange[], log: ConsumerLog) => Promise<O>,
  summary: BatchSummary<O>,
) {
  return batchConsumer<DynamoDBStreamEvent, DynamoDBBatchResponse, TableChange, O>(
    processTableChangeBatch,
    'changes',
    consume,
    summary,
  );
}

/** The handler both kinds of consumer share: the failed-events settings read once, warnings and one summary line per batch. */
function batchConsumer<E, R, I, O extends StreamBatchOutcome>(
  run: (
    event: E,
    processItems: (items: I[]) => Promise<StreamBatchOutcome>,
    options: ProcessStreamBatchOptions,
  ) => Promise<R>,
  itemsName: string,
  consume: (items: I[], log: ConsumerLog) => Promise<O>,
  summary: BatchSummary<O>,
) {
  const failedEvents = failedEventsFromEnv();
  const log: ConsumerLog = (message, data) => logger.warn(message, data);
  return middy<E, R>()
    .use(injectLambdaContext(logger))
    .handler((event) =>
      run(
        event,
        async (items) => {
          const outcome = await consume(items, log);
          logger.info(summary.message, { [itemsName]: items.length, ...summary.counts(outcome) });
          return outcome;
        },
        { ...failedEvents, log },
      ),
    );
}
