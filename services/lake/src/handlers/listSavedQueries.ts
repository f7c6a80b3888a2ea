import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { sqlDialectFromEnv } from '@sdp/shared-lake';
import { logger } from '@sdp/shared-runtime';
import { savedQueriesIn } from '../domain/savedQueries.js';

// The SQL of the engine POST /query runs them on: DuckDB's locally, Trino's (Athena) on AWS.
const queries = savedQueriesIn(sqlDialectFromEnv(process.env));

/** GET /query/saved: the saved queries `POST /query` runs by name. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'query' }))
  .handler(async () => jsonResponse(200, { queries }));
