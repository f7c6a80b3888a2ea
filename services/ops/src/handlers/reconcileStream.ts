import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient } from '@sdp/shared-streams';
import { countAcceptedRecords } from '../adapters/acceptedRecords.js';
import { readConsumerProgress } from '../adapters/consumerProgressTable.js';
import { failedEventsTableFromEnv } from '../adapters/opsDeps.js';
import { parseReconciliationRequest } from '../domain/parseReconciliationRequest.js';
import { reconcile } from '../domain/reconcile.js';

const dynamoDb = new DynamoDBClient({});
const countAccepted = countAcceptedRecords(createKinesisClient(), requiredEnv('RAW_EVENTS_STREAM_NAME'));
const readProgress = readConsumerProgress(dynamoDb, requiredEnv('CONSUMER_PROGRESS_TABLE_NAME'));
const failedEvents = failedEventsTableFromEnv();
const consumers = requiredEnv('RECONCILED_CONSUMERS').split(',');

/** GET /reconciliation?from=…&to=…: per ingest minute, accepted = processed + failed + in flight for every raw-stream consumer. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'admin' }))
  .handler(async (event) => {
    const { from, to } = parseReconciliationRequest(event.queryStringParameters, new Date());
    const [accepted, progress, failed] = await Promise.all([
      countAccepted(from, to),
      Promise.all(consumers.map(readProgress)).then((lists) => lists.flat()),
      failedEvents.scanAll(),
    ]);
    return jsonResponse(200, reconcile({ from, to, consumers, accepted, progress, failed }));
  });
