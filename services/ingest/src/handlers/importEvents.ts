import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, readJsonBody, requireApiKey, tenantOf } from '@sdp/shared-http';
import { logger, readNumberSetting, requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient } from '@sdp/shared-streams';
import { kinesisEventStream } from '../adapters/eventStream.js';
import { MAX_BATCH_BYTES } from '../domain/constants.js';
import { planImport } from '../domain/planImport.js';
import { writeImport } from '../domain/writeImport.js';
import { summarizeImport } from '../domain/summarizeImport.js';

const kinesis = createKinesisClient();
const streams = {
  raw: kinesisEventStream(kinesis, requiredEnv('RAW_EVENTS_STREAM_NAME')),
  clickstream: kinesisEventStream(kinesis, requiredEnv('CLICKSTREAM_STREAM_NAME')),
};
const maxAgeMs =
  readNumberSetting('IMPORT_MAX_AGE_HOURS', requiredEnv('IMPORT_MAX_AGE_HOURS'), {
    min: 1,
    max: 8_760,
    unit: 'hours',
  }) * 3_600_000;

/** POST /import: up to 500 historical ad and clickstream events, each written with its own event time. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'import' }))
  .handler(async (event) => {
    const context = { tenant: tenantOf(event), now: new Date(), maxAgeMs };
    const plan = planImport(readJsonBody(event, { maxBytes: MAX_BATCH_BYTES }), context);
    const { statusCode, headers, body } = summarizeImport(plan, await writeImport(plan, streams));
    return jsonResponse(statusCode, body, headers);
  });
