import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, readJsonBody, requireApiKey } from '@sdp/shared-http';
import { queryEngineFromEnv, queryResourcesFromEnv } from '@sdp/shared-lake';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { parseQueryRequest } from '../domain/parseQueryRequest.js';

// Anyone's SQL: locally DuckDB runs in a process of its own with a memory limit.
const engine = await queryEngineFromEnv(process.env, { isolated: true });
const timeoutMs = Number(requiredEnv('QUERY_TIMEOUT_SECONDS')) * 1000;
const { maxResultBytes } = queryResourcesFromEnv();

/** POST /query: one read-only SELECT (or a saved query) over the lake, with a row, byte, memory and time limit. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'query' }))
  .handler(async (event) => {
    const { sql, limit, saved } = parseQueryRequest(
      readJsonBody(event, { maxBytes: 64 * 1024 }),
      new Date(),
      engine.dialect,
    );
    const result = await engine.query(sql, { maxRows: limit, timeoutMs, maxBytes: maxResultBytes });
    logger.info('query answered', {
      saved,
      rows: result.row_count,
      truncated: result.truncated,
      elapsedMs: result.elapsed_ms,
    });
    return jsonResponse(200, result);
  });
