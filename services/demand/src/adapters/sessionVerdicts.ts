import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchGetItems } from '@sdp/shared';
import type { SessionDecisions, SessionVerdicts } from '../domain/types.js';

/**
 * Reads what the sessions service decided about users' records from its sessions table: item 0 of
 * each user (its state), attributes `positions` (JSON: shard → position of the last record decided)
 * and `skipped` (JSON: `[shard, position, epoch seconds]` of the records it did not add), as the
 * sessions service writes them (docs/adr/0019-counting-per-batch.md). Eventually consistent reads
 * are enough: decisions only grow, so a stale read can only say "not decided yet".
 *
 * @example
 * const verdicts = dynamoDbSessionVerdicts(new DynamoDBClient({}), 'sdp-sessions-dev-sessions');
 * await verdicts.load(['u1']) // Map { 'u1' => { positions: { 'shardId-000000000000': '056…' }, skipped: Set {} } }
 */
export function dynamoDbSessionVerdicts(client: DynamoDBClient, tableName: string): SessionVerdicts {
  return {
    async load(userIds) {
      const items = await batchGetItems(
        client,
        tableName,
        userIds.map((userId) => ({ user_id: { S: userId }, session_no: { N: '0' } })),
        { attributes: ['user_id', 'positions', 'skipped'] },
      );
      return new Map(items.map((item) => [item.user_id!.S!, decisionsOf(item.positions?.S, item.skipped?.S)]));
    },
  };
}

function decisionsOf(positions: string | undefined, skipped: string | undefined): SessionDecisions {
  return {
    positions: JSON.parse(positions ?? '{}') as Record<string, string>,
    skipped: new Set(
      (JSON.parse(skipped ?? '[]') as [string, string, number][]).map(
        ([shardId, position]) => `${shardId} ${position}`,
      ),
    ),
  };
}
