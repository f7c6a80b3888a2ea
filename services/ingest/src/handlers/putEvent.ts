import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  httpErrorHandler,
  jsonResponse,
  readJsonBody,
  requireApiKey,
  tenantOf,
  ValidationFailedError,
} from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient } from '@sdp/shared-streams';
import { kinesisEventStream } from '../adapters/eventStream.js';
import { MAX_EVENT_BYTES } from '../domain/constants.js';
import { eventIdFor } from '../domain/eventIdFor.js';
import { eventTypeOfRoute } from '../domain/eventTypeOfRoute.js';
import { requireWritten } from '../domain/requireWritten.js';
import { stampEvent } from '../domain/stampEvent.js';
import { EVENT_NAME, validateEvent } from '../domain/validateEvent.js';

const rawEvents = kinesisEventStream(createKinesisClient(), requiredEnv('RAW_EVENTS_STREAM_NAME'));

/** POST /bid, /impression and /click: one event, answered 202 only once it is in the stream. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'ingest' }))
  .handler(async (event) => {
    const type = eventTypeOfRoute(event.routeKey);
    const validation = validateEvent(type, readJsonBody(event, { maxBytes: MAX_EVENT_BYTES }));
    if (!validation.ok) throw new ValidationFailedError(EVENT_NAME[type], validation.violations);

    const tenant = tenantOf(event);
    const eventId = eventIdFor(tenant, type, event.headers['idempotency-key'], randomUUID);
    const { envelope, record } = stampEvent(type, validation.event, {
      eventId,
      receivedAt: new Date(),
      tenant,
      userAgent: event.headers['user-agent'],
    });
    const outcome = requireWritten((await rawEvents.write([record]))[0]);

    const { event_id, received_at } = envelope;
    return jsonResponse(202, {
      event_id,
      received_at,
      shard_id: outcome.shardId,
      sequence_number: outcome.sequenceNumber,
    });
  });
