import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { RateVerdict, SkippedRecord } from '../domain/types.js';
import { decisionsOfImage, STATE_SESSION_NO } from '../domain/userStateImage.js';

/** What sessions decided about one user's records, from the user's state item. */
export interface UserDecisions {
  userId: string;
  /** Per clickstream shard, the position (`streamPosition`) of the user's last record decided */
  positions: Record<string, string>;
  /** The user's records of the last day that sessions decided not to add (copies, too late) */
  skipped: SkippedRecord[];
  /** Set when sessions took the user for a bot by its rate: its records from then on are left out */
  bot?: RateVerdict;
}

/**
 * The attributes of a user's state item that say what sessions decided (docs/adr/0019-counting-per-batch.md),
 * as demand reads them; the state item is written whole by `dynamoDbSessionStore` (`toStateImage`).
 */
export const USER_DECISION_ATTRIBUTES = ['user_id', 'positions', 'skipped', 'bot'] as const;

/**
 * The key of a user's state item: item `STATE_SESSION_NO` (0) of the user's sessions.
 *
 * @example
 * userStateKeyOf('u1') // { user_id: { S: 'u1' }, session_no: { N: '0' } }
 */
export function userStateKeyOf(userId: string): Record<string, AttributeValue> {
  return { user_id: { S: userId }, session_no: { N: String(STATE_SESSION_NO) } };
}

/**
 * What a state item (read with at least `USER_DECISION_ATTRIBUTES`) says sessions decided.
 *
 * @example
 * userDecisionsOf({ user_id: { S: 'u1' }, positions: { S: '{"shardId-000000000000":"0561"}' } })
 * // { userId: 'u1', positions: { 'shardId-000000000000': '0561' }, skipped: [] }
 */
export function userDecisionsOf(item: Record<string, AttributeValue>): UserDecisions {
  return {
    userId: item.user_id?.S ?? '',
    ...decisionsOfImage({ positions: item.positions?.S, skipped: item.skipped?.S, bot: item.bot?.S }),
  };
}
