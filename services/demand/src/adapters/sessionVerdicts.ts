import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { USER_DECISION_ATTRIBUTES, userDecisionsOf, userStateKeyOf, type UserDecisions } from '@sdp/sessions';
import { batchGetItems } from '@sdp/shared-streams';
import type { SessionDecisions, SessionVerdicts } from '../domain/types.js';

/**
 * Reads what the sessions service decided about users' records from its sessions table, through the
 * item schema sessions publishes (`userDecisionsOf` in `@sdp/sessions`): per clickstream shard the
 * position of the last record decided, and the records it did not add
 * (docs/adr/0019-counting-per-batch.md). Eventually consistent reads are enough: decisions only
 * grow, so a stale read can only say "not decided yet".
 *
 * @example
 * const verdicts = dynamoDbSessionVerdicts(new DynamoDBClient({}), 'sdp-sessions-dev-sessions');
 * await verdicts.load(['u1']) // Map { 'u1' => { positions: { 'shardId-000000000000': '056…' }, skipped: Set {} } }
 */
export function dynamoDbSessionVerdicts(client: DynamoDBClient, tableName: string): SessionVerdicts {
  return {
    async load(userIds) {
      const items = await batchGetItems(client, tableName, userIds.map(userStateKeyOf), {
        attributes: USER_DECISION_ATTRIBUTES,
      });
      return new Map(items.map(userDecisionsOf).map((decisions) => [decisions.userId, verdictsOf(decisions)]));
    },
  };
}

function verdictsOf({ positions, skipped, bot }: UserDecisions): SessionDecisions {
  return {
    positions,
    skipped: new Set(skipped.map(({ shardId, position }) => `${shardId} ${position}`)),
    ...(bot ? { bot } : {}),
  };
}
