import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createKinesisClient, logger, putRecordsReliably, requiredEnv } from '@sdp/shared';
import { publishSessionChanges } from '../domain/publishSessionChanges.js';

const kinesis = createKinesisClient();
const streamName = requiredEnv('SESSIONS_STREAM_NAME');

/** Publishes every new version of a session to the sessions stream as a `Session`. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const changes = event.Records.map(({ dynamodb }) => ({
      sequenceNumber: dynamodb?.SequenceNumber ?? '',
      // aws-lambda's AttributeValue type and the SDK's describe the same JSON.
      ...(dynamodb?.NewImage ? { newImage: unmarshall(dynamodb.NewImage as Record<string, AttributeValue>) } : {}),
    }));
    const { batchItemFailures, ...counts } = await publishSessionChanges(changes, {
      write: (records) => putRecordsReliably(kinesis, streamName, records),
      log: (message, data) => logger.warn(message, data),
    });
    logger.info('sessions published', { changes: changes.length, ...counts });
    return { batchItemFailures };
  });
