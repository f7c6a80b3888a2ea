import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { keyIdOf, tenantOf } from '@sdp/shared-http';
import { requiredEnv } from '@sdp/shared-runtime';
import type { Requester } from '../domain/types.js';
import { dynamoDbErasureStore } from './erasureStore.js';

/** The erased-users table and the erasure log named by `ERASED_USERS_TABLE_NAME` and `ERASURES_TABLE_NAME`. */
export const erasureStoreFromEnv = (client = new DynamoDBClient({})) =>
  dynamoDbErasureStore(client, {
    erasedUsers: requiredEnv('ERASED_USERS_TABLE_NAME'),
    erasures: requiredEnv('ERASURES_TABLE_NAME'),
  });

/** What the routes that write the erasure log need: the store, the clock, a short random suffix of an entry's id. */
export const erasureRequestDeps = () => ({
  store: erasureStoreFromEnv(),
  now: () => new Date(),
  randomId: () => randomUUID().slice(0, 8),
});

/** The admin key a request came with, for the erasure log. */
export const requesterOf = (event: APIGatewayProxyEventV2): Requester => ({
  tenant: tenantOf(event),
  key_id: keyIdOf(event),
});
