import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createKinesisClient, logger, tableChangesOf, requiredEnv } from '@sdp/shared';
import { kinesisAggregatesStream } from '../adapters/aggregatesStream.js';
import { publishWindowChanges } from '../domain/publishWindowChanges.js';

const aggregates = kinesisAggregatesStream(createKinesisClient(), requiredEnv('AGGREGATES_STREAM_NAME'));

/** Publishes every changed aggregation window to the aggregates stream as an `AggregationWindow`. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const changes = tableChangesOf(event);
    const { batchItemFailures, ...counts } = await publishWindowChanges(changes, {
      write: aggregates.write,
      log: (message, data) => logger.warn(message, data),
    });
    logger.info('aggregation windows published', { changes: changes.length, ...counts });
    return { batchItemFailures };
  });
