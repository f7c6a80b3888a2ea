import { marshall } from '@aws-sdk/util-dynamodb';
import { USER_DECISION_ATTRIBUTES, userDecisionsOf, userStateKeyOf } from '../src/index.js';
import type { UserSessions } from '../src/domain/types.js';
import { toStateImage } from '../src/domain/userStateImage.js';

const state: UserSessions = {
  userId: 'u1',
  lastSessionNo: 1,
  horizonMs: 0,
  version: 4,
  merged: [],
  recent: [],
  positions: { 'shardId-000000000000': '0561', 'shardId-000000000001': '0012' },
  skipped: [{ shardId: 'shardId-000000000000', position: '0559', atMs: 1_763_805_600_000 }],
  rate: [{ minuteMs: 1_763_805_600_000, events: 12 }],
};

/** The state item as `dynamoDbSessionStore` writes it, read with the decision attributes only. */
const storedDecisions = (stored: UserSessions) => {
  const item = marshall(toStateImage(stored));
  return Object.fromEntries(USER_DECISION_ATTRIBUTES.flatMap((name) => (item[name] ? [[name, item[name]]] : [])));
};

describe('the user state item as demand reads it', () => {
  it('gives back the positions and skipped records the sessions store wrote', () => {
    // Act
    const decisions = userDecisionsOf(storedDecisions(state));

    // Assess
    expect(decisions).toStrictEqual({ userId: 'u1', positions: state.positions, skipped: state.skipped });
  });

  it('reads a state that skipped nothing (no `skipped` attribute) as skipping nothing', () => {
    // Act
    const decisions = userDecisionsOf(storedDecisions({ ...state, skipped: [] }));

    // Assess
    expect(decisions).toStrictEqual({ userId: 'u1', positions: state.positions, skipped: [] });
  });

  it('gives back the verdict on a user taken for a bot by its rate', () => {
    // Prepare
    const bot = { sinceMs: 1_763_805_630_000, from: { 'shardId-000000000000': '0560' } };

    // Act
    const decisions = userDecisionsOf(storedDecisions({ ...state, rate: [], bot }));

    // Assess
    expect(decisions).toStrictEqual({ userId: 'u1', positions: state.positions, skipped: state.skipped, bot });
  });

  it('keys a user’s state item as item 0 of the user’s sessions', () => {
    // Act
    const key = userStateKeyOf('u1');

    // Assess
    expect(key).toStrictEqual({ user_id: { S: 'u1' }, session_no: { N: '0' } });
    expect(marshall(toStateImage(state))).toMatchObject(key);
  });
});
