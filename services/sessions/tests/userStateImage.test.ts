import { clickstreamEventKey } from '@sdp/shared-streams';
import type { UserSessions } from '../src/domain/types.js';
import { fromStateImage, toStateImage } from '../src/domain/userStateImage.js';
import { T0 } from './support/clickRecords.js';

const key = (offsetMs: number, name: string) =>
  clickstreamEventKey({ event_timestamp: T0 + offsetMs, event_name: name, event_type: 'click' });

const state: UserSessions = {
  userId: 'u1',
  lastSessionNo: 3,
  horizonMs: T0 - 60_000,
  version: 7,
  merged: [{ sessionNo: 2, into: 1 }],
  positions: { 'shardId-000000000000': '05649590338271490256608559692538361571095921575989136580042' },
  skipped: [
    {
      shardId: 'shardId-000000000000',
      position: '05649590338271490256608559692538361571095921575989136580041',
      atMs: 1_763_805_600_000,
    },
  ],
  rate: [{ minuteMs: Math.floor(T0 / 60_000) * 60_000, events: 3 }],
  recent: [
    {
      userId: 'u1',
      sessionNo: 1,
      status: 'active',
      startMs: T0,
      endMs: T0 + 9_000,
      eventCount: 3,
      deviceType: 'mobile',
      entryKey: key(0, 'navigate'),
      entryEvent: 'navigate',
      exitKey: key(9_000, 'purchase'),
      exitEvent: 'purchase',
      updatedAt: '2026-11-22T10:00:10.000Z',
      eventKeys: [key(0, 'navigate'), key(4_000, 'detail'), key(9_000, 'purchase')],
    },
    {
      userId: 'u1',
      sessionNo: 3,
      status: 'active',
      startMs: T0 + 60_000,
      endMs: T0 + 60_000,
      eventCount: 1,
      deviceType: 'desktop',
      entryKey: key(60_000, 'detail'),
      entryEvent: 'detail',
      exitKey: key(60_000, 'detail'),
      exitEvent: 'detail',
      updatedAt: '2026-11-22T10:01:10.000Z',
      eventKeys: [key(60_000, 'detail')],
    },
  ],
};

describe('the user state item', () => {
  it('gives back the state it was made from', () => {
    // Act
    const image = toStateImage(state);

    // Assess
    expect(fromStateImage(image)).toStrictEqual(state);
    expect(image).toMatchObject({
      user_id: 'u1',
      session_no: 0,
      version: 7,
      names: '["navigate#click","detail#click","purchase#click"]',
    });
  });

  it('gives back the verdict on a user taken for a bot by its rate', () => {
    // Prepare
    const bot: UserSessions = {
      ...state,
      rate: [],
      bot: { sinceMs: T0 + 30_500, from: { 'shardId-000000000000': state.positions['shardId-000000000000']! } },
    };

    // Act
    const image = toStateImage(bot);

    // Assess
    expect(fromStateImage(image)).toStrictEqual(bot);
    expect(image).not.toHaveProperty('rate');
  });

  it('keeps event keys in a few bytes each', () => {
    // Prepare: a shopper with 40 events in one session
    const events = Array.from({ length: 40 }, (_, i) => key(i * 700, i % 2 ? 'detail' : 'navigate'));
    const busy: UserSessions = {
      ...state,
      merged: [],
      positions: {},
      skipped: [],
      recent: [{ ...state.recent[0]!, endMs: T0 + 39 * 700, eventCount: 40, eventKeys: events }],
    };

    // Act
    const image = toStateImage(busy);

    // Assess: well under 1 KB, the unit DynamoDB bills a write by
    expect(fromStateImage(image).recent[0]!.eventKeys).toStrictEqual(events);
    expect(JSON.stringify(image).length).toBeLessThan(1_024);
  });

  it('reads a state written before event keys were kept, with no keys', () => {
    // Prepare
    const { eventKeys: _keys, userId: _user, ...legacy } = state.recent[0]!;

    // Act
    const read = fromStateImage({
      user_id: 'u1',
      session_no: 0,
      last_session_no: 1,
      horizon_ms: 0,
      version: 2,
      recent: JSON.stringify([legacy]),
    });

    // Assess
    expect(read).toStrictEqual({
      userId: 'u1',
      lastSessionNo: 1,
      horizonMs: 0,
      version: 2,
      merged: [],
      positions: {},
      skipped: [],
      rate: [],
      recent: [{ ...legacy, userId: 'u1', eventKeys: [] }],
    });
  });
});
