import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createKinesisClient, logger, tableChangesOf, putRecordsReliably, requiredEnv } from '@sdp/shared';
import { publishProductWindowChanges } from '../domain/publishProductWindowChanges.js';

const kinesis = createKinesisClient();
const streamName = requiredEnv('PRODUCT_WINDOWS_STREAM_NAME');

/** Publishes every changed product window to the product windows stream as a `ProductWindow`. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const changes = tableChangesOf(event);
    const { batchItemFailures, ...counts } = await publishProductWindowChanges(changes, {
      write: (records) => putRecordsReliably(kinesis, streamName, records),
      log: (message, data) => logger.warn(message, data),
    });
    logger.info('product windows published', { changes: changes.length, ...counts });
    return { batchItemFailures };
  });
