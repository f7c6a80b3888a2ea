import { clickstreamEventKey } from '@sdp/shared';
import { planSessionChange } from '../src/domain/planSessionChange.js';
import { sessionizeBatch } from '../src/domain/sessionizeBatch.js';
import type { SessionEvent } from '../src/domain/types.js';
import { click, clickRecords, sequenceOf, T0 } from './support/clickRecords.js';
import { InMemorySessionStore } from './support/inMemorySessionStore.js';

const GAP_MS = 10_000;
const HOUR_MS = 3_600_000;

function sessionEvent(offsetMs: number, n: number): SessionEvent {
  const timestampMs = T0 + offsetMs;
  return { userId: 'u1', eventKey: clickstreamEventKey({ event_timestamp: timestampMs, event_name: 'detail', event_type: 'click' }), timestampMs, eventName: 'detail', deviceType: 'mobile', sequenceNumber: sequenceOf(n) };
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
    expect(second.writes.map((s) => [s.sessionNo, s.status])).toStrictEqual([[3, 'active']]);
  });

  it('drops sessions no event within the lateness limit can reach', () => {
    // Act
    const change = planSessionChange('u1', [sessionEvent(0, 0), sessionEvent(HOUR_MS, 1)], undefined, { gapMs: GAP_MS, latenessMs: HOUR_MS, now: new Date(T0 + 2 * HOUR_MS - 5_000) });

    // Assess
    expect(change.state.recent.map((s) => s.sessionNo)).toStrictEqual([2]);
    expect(change.state.horizonMs).toBe(T0 + GAP_MS);
    expect(change.claims.map((c) => c.expiresAt)).toStrictEqual([Math.ceil((T0 + HOUR_MS) / 1000) + 3_600, Math.ceil((T0 + 2 * HOUR_MS) / 1000) + 3_600]);
  });

  it('sets aside an event before its user\'s horizon as too late, naming the horizon', async () => {
    // Prepare
    const store = new InMemorySessionStore();
    const options = { store, gapMs: GAP_MS, latenessMs: 48 * HOUR_MS, now: () => new Date(T0 + HOUR_MS), log: () => undefined };
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
          message: "The event happened at 2026-11-22T10:00:01.000Z, before 2026-11-22T10:00:05.000Z: user 'u1' has more recent sessions than are kept for late events, and older ones can no longer change.",
        },
      },
    ]);
    expect(outcome).toMatchObject({ sessionized: 1, invalid: 1 });
  });
});
