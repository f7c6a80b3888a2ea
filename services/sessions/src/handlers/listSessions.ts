import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { httpErrorHandler, jsonResponse, requireApiKey } from '@sdp/shared-http';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbSessionStore } from '../adapters/sessionStore.js';
import { listSessions } from '../domain/listSessions.js';
import { parseSessionSettings } from '../domain/parseSessionSettings.js';
import { parseSessionsRequest } from '../domain/parseSessionsRequest.js';

const store = dynamoDbSessionStore(new DynamoDBClient({}), { sessions: requiredEnv('SESSIONS_TABLE_NAME') });
const { gapMs } = parseSessionSettings({ gapSeconds: requiredEnv('SESSION_GAP_SECONDS'), latenessHours: '1' });

/** GET /sessions?user_id=…: a user's sessions in event-time order. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(injectLambdaContext(logger))
  .use(httpErrorHandler({ logger }))
  .use(requireApiKey({ scope: 'report' }))
  .handler(async (event) => {
    const request = parseSessionsRequest(event.queryStringParameters);
    return jsonResponse(200, listSessions(await store.sessionsOf(request.userId), request, gapMs));
  });
