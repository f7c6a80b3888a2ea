import { clickstreamEventKey } from '@sdp/shared-streams';
import { planSessionChange } from '../src/domain/planSessionChange.js';
import { sessionizeBatch } from '../src/domain/sessionizeBatch.js';
import type { SessionEvent } from '../src/domain/types.js';
import { click, clickRecords, sequenceOf, T0 } from './support/clickRecords.js';
import { InMemorySessionStore } from './support/inMemorySessionStore.js';

const GAP_MS = 10_000;
const HOUR_MS = 3_600_000;

function sessionEvent(offsetMs: number, n: number): SessionEvent {
  const timestampMs = T0 + offsetMs;
  return {
    userId: 'u1',
    eventKey: clickstreamEventKey({ event_timestamp: timestampMs, event_name: 'detail', event_type: 'click' }),
    timestampMs,
    eventName: 'detail',
    deviceType: 'mobile',
    shardId: 'shardId-000000000000',
    sequenceNumber: sequenceOf(n),
  };
}

describe('planSessionChange', () => {
  it('keeps at most maxRecent active sessions in the user state and moves the horizon past the dropped ones', () => {
    // Prepare
    const options = { gapMs: GAP_MS, latenessMs: 48 * HOUR_MS, now: new Date(T0), maxRecent: 2 };
    const first = planSessionChange('u1', [sessionEvent(0, 0), sessionEvent(20_000, 1)], undefined, options);

    // Act
    const second = planSessionChange('u1', [sessionEvent(40_000, 2)], first.state, options);

    // Assess
    expect(first.state).toMatchObject({ lastSessionNo: 2, horizonMs: 0, version: 1 });
    expect(second.state.recent.map((s) => s.sessionNo)).toStrictEqual([2, 3]);
    expect(second.state).toMatchObject({ lastSessionNo: 3, horizonMs: T0 + GAP_MS, version: 2 });
    expect(second.written.map((s) => [s.sessionNo, s.status])).toStrictEqual([[3, 'active']]);
    expect(second.archives.map((s) => [s.sessionNo, s.status])).toStrictEqual([[1, 'active']]);
  });

  it('drops sessions no event within the lateness limit can reach', () => {
    // Act
    const change = planSessionChange('u1', [sessionEvent(0, 0), sessionEvent(HOUR_MS, 1)], undefined, {
      gapMs: GAP_MS,
      latenessMs: HOUR_MS,
      now: new Date(T0 + 2 * HOUR_MS - 5_000),
    });

    // Assess
    expect(change.state.recent.map((s) => s.sessionNo)).toStrictEqual([2]);
    expect(change.state.horizonMs).toBe(T0 + GAP_MS);
    expect(change.archives.map((s) => [s.sessionNo, s.status, s.eventCount])).toStrictEqual([[1, 'active', 1]]);
  });

  it("keeps the keys of the recent sessions' events in the state, merged sessions' keys in the session they joined", () => {
    // Prepare: two sessions, then an event that bridges them
    const options = { gapMs: GAP_MS, latenessMs: 48 * HOUR_MS, now: new Date(T0) };
    const first = planSessionChange('u1', [sessionEvent(0, 0), sessionEvent(15_000, 1)], undefined, options);

    // Act
    const bridged = planSessionChange('u1', [sessionEvent(7_500, 2)], first.state, options);

    // Assess
    expect(first.state.recent.map((s) => s.eventKeys)).toStrictEqual([
      [sessionEvent(0, 0).eventKey],
      [sessionEvent(15_000, 1).eventKey],
    ]);
    expect(bridged.state.recent.map((s) => [s.sessionNo, s.eventKeys])).toStrictEqual([
      [1, [0, 7_500, 15_000].map((ms, n) => sessionEvent(ms, n).eventKey)],
    ]);
    expect(bridged.state.merged).toStrictEqual([{ sessionNo: 2, into: 1 }]);
    expect(bridged.archives.map((s) => [s.sessionNo, s.status, s.mergedInto])).toStrictEqual([[2, 'merged', 'u1_1']]);
  });

  it("closes the oldest sessions for late events when the user's kept keys pass the limit", () => {
    // Prepare: three sessions of two events each, at most 4 keys kept
    const options = { gapMs: GAP_MS, latenessMs: 48 * HOUR_MS, now: new Date(T0), maxKeys: 4 };
    const events = [0, 1_000, 20_000, 21_000, 40_000, 41_000].map((ms, n) => sessionEvent(ms, n));

    // Act
    const change = planSessionChange('u1', events, undefined, options);

    // Assess
    expect(change.state.recent.map((s) => s.sessionNo)).toStrictEqual([2, 3]);
    expect(change.state.horizonMs).toBe(T0 + 1_000 + GAP_MS);
    expect(change.archives.map((s) => [s.sessionNo, s.eventCount])).toStrictEqual([[1, 2]]);
  });

  it("sets aside an event before its user's horizon as too late, naming the horizon", async () => {
    // Prepare
    const store = new InMemorySessionStore();
    const options = {
      store,
      gapMs: GAP_MS,
      latenessMs: 48 * HOUR_MS,
      botEventsPerMinute: 120,
      now: () => new Date(T0 + HOUR_MS),
      log: () => undefined,
    };
    await sessionizeBatch(clickRecords([click('u1', 0)]), options);
    store.states.get('u1')!.horizonMs = T0 + 5_000;

    // Act
    const outcome = await sessionizeBatch(clickRecords([click('u1', 1_000), click('u1', 6_000)], 1), options);

    // Assess
    expect(outcome.rejected).toStrictEqual([
      {
        sequenceNumber: sequenceOf(1),
        reason: {
          name: 'TooLate',
          message:
            "The event happened at 2026-11-22T10:00:01.000Z, before 2026-11-22T10:00:05.000Z: user 'u1' has more recent sessions than are kept for late events, and older ones can no longer change.",
        },
      },
    ]);
    expect(outcome).toMatchObject({ sessionized: 1, invalid: 1 });
  });
});
