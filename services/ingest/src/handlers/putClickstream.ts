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
import { MAX_BATCH_BYTES } from '../domain/constants.js';
import { eventIdFor } from '../domain/eventIdFor.js';
import { isBatchBody } from '../domain/isBatchBody.js';
import { planClickstreamBatch } from '../domain/planClickstreamBatch.js';
import { readClickstreamEvent } from '../domain/readClickstreamEvent.js';
import { requireWritten } from '../domain/requireWritten.js';
import { stampClickstreamEvent } from '../domain/stampClickstreamEvent.js';
import { summarizeBatch } from '../domain/summarizeBatch.js';

const clickstream = kinesisEventStream(createKinesisClient(), requiredEnv('CLICKSTREAM_STREAM_NAME'));

/** POST /clickstream: one event (202 once it is in the stream) or up to 500 (200 with each item's outcome). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'ingest' }))
  .handler(async (event) => {
    const receivedAt = new Date();
    const tenant = tenantOf(event);
    const userAgent = event.headers['user-agent'];
    const body = readJsonBody(event, { maxBytes: MAX_BATCH_BYTES });
    if (isBatchBody(body)) {
      const plan = planClickstreamBatch(body, () => ({ eventId: randomUUID(), receivedAt, tenant, userAgent }));
      const records = plan.flatMap((item) => (item.ok ? [item.stamped.record] : []));
      const {
        statusCode,
        headers,
        body: result,
      } = summarizeBatch(plan, records.length > 0 ? await clickstream.write(records) : []);
      return jsonResponse(statusCode, result, headers);
    }
    const reading = readClickstreamEvent(body, '$');
    if (!reading.ok) throw new ValidationFailedError('clickstream event', reading.violations);
    const eventId = eventIdFor(tenant, 'clickstream', event.headers['idempotency-key'], randomUUID);
    // The contract bounds every field, so one valid event is far below a stream record's 1 MiB.
    const { envelope, record } = stampClickstreamEvent(reading.event, { eventId, receivedAt, tenant, userAgent });
    const outcome = requireWritten((await clickstream.write([record]))[0]);
    const { event_id, received_at } = envelope;
    return jsonResponse(202, {
      event_id,
      received_at,
      shard_id: outcome.shardId,
      sequence_number: outcome.sequenceNumber,
    });
  });
