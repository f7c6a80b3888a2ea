import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { userItemsEraser } from '@sdp/shared-streams';

/**
 * Invoked by the erasure (docs/adr/0022-erasure.md): removes each user's partition of the sessions
 * table, their state item and archived sessions. Their new records are dropped by the tombstone
 * meanwhile, so nothing writes the partition again.
 */
export const handler = userItemsEraser({
  client: new DynamoDBClient({}),
  tableName: requiredEnv('SESSIONS_TABLE_NAME'),
  keyNames: ['user_id', 'session_no'],
  counted: 'session_items',
});
