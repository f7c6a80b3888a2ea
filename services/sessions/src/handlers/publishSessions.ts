import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createKinesisClient, logger, tableChangesOf, putRecordsReliably, requiredEnv } from '@sdp/shared';
import { publishSessionChanges } from '../domain/publishSessionChanges.js';

const kinesis = createKinesisClient();
const streamName = requiredEnv('SESSIONS_STREAM_NAME');

/** Publishes every new version of a session to the sessions stream as a `Session`. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const changes = tableChangesOf(event);
    const { batchItemFailures, ...counts } = await publishSessionChanges(changes, {
      write: (records) => putRecordsReliably(kinesis, streamName, records),
      log: (message, data) => logger.warn(message, data),
    });
    logger.info('sessions published', { changes: changes.length, ...counts });
    return { batchItemFailures };
  });
