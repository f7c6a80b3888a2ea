import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, readJsonBody, requireApiKey, tenantOf } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient } from '@sdp/shared-streams';
import { kinesisEventStream } from '../adapters/eventStream.js';
import { MAX_BATCH_BYTES } from '../domain/constants.js';
import { planBatch } from '../domain/planBatch.js';
import { summarizeBatch } from '../domain/summarizeBatch.js';

const rawEvents = kinesisEventStream(createKinesisClient(), requiredEnv('RAW_EVENTS_STREAM_NAME'));

/** POST /events: up to 500 mixed events in one PutRecords, with every item's outcome. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'ingest' }))
  .handler(async (event) => {
    const receivedAt = new Date();
    const tenant = tenantOf(event);
    const plan = planBatch(readJsonBody(event, { maxBytes: MAX_BATCH_BYTES }), () => ({
      eventId: randomUUID(),
      receivedAt,
      tenant,
      userAgent: event.headers['user-agent'],
    }));
    const records = plan.flatMap((item) => (item.ok ? [item.stamped.record] : []));
    const outcomes = records.length > 0 ? await rawEvents.write(records) : [];
    const { statusCode, headers, body } = summarizeBatch(plan, outcomes);
    return jsonResponse(statusCode, body, headers);
  });
