import { seededRandom } from '@sdp/shared-runtime';
import { generateClickstream } from '../../../fixtures/clickstream/generateClickstream.js';
import { sessionsOracle } from '../../../fixtures/clickstream/sessionsOracle.js';
import { listSessions } from '../src/domain/listSessions.js';
import { sessionizeBatch, type SessionizeOptions } from '../src/domain/sessionizeBatch.js';
import { streamPosition } from '@sdp/shared-streams';
import { click, clickRecords, SHARD_0, sequenceOf, T0 } from './support/clickRecords.js';
import { InMemorySessionStore } from './support/inMemorySessionStore.js';

const GAP_MS = 10_000;
const HOUR_MS = 3_600_000;

function optionsFor(store: InMemorySessionStore, overrides: Partial<SessionizeOptions> = {}): SessionizeOptions {
  return {
    store,
    gapMs: GAP_MS,
    latenessMs: 48 * HOUR_MS,
    botEventsPerMinute: 120,
    now: () => new Date(T0 + HOUR_MS),
    log: () => undefined,
    ...overrides,
  };
}

/** A user's sessions as GET /sessions lists them, merged ones included. */
async function sessionsOf(store: InMemorySessionStore, userId: string) {
  return listSessions(
    await store.sessionsOf(userId),
    { userId, includeMerged: true, limit: 1000 },
    GAP_MS,
  ).sessions.map(
    ({ session_id, status, merged_into, start, end, event_count, entry_event, exit_event, device_type }) => ({
      session_id,
      status,
      ...(merged_into ? { merged_into } : {}),
      start,
      end,
      event_count,
      entry_event,
      exit_event,
      device_type,
    }),
  );
}

const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();

describe('sessionizeBatch', () => {
  it('keeps bot traffic out of sessions and counts it on its own', async () => {
    // Prepare
    const store = new InMemorySessionStore();
    const crawler = JSON.stringify({
      schema_version: 1,
      event_id: '00000000-0000-4000-8000-000000000099',
      received_at: new Date(T0).toISOString(),
      type: 'clickstream',
      bot: true,
      bot_reason: 'user_agent',
      data: { ...click('u1', 5_000), user_agent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
    });
    const records = clickRecords([click('u1', 0, 'navigate'), crawler, click('u1', 20_000, 'checkout')]);

    // Act
    const outcome = await sessionizeBatch(records, optionsFor(store));

    // Assess
    expect({ ...outcome, loadMs: 0, commitMs: 0 }).toStrictEqual({
      batchItemFailures: [],
      rejected: [],
      sessionized: 2,
      duplicates: 0,
      bots: 1,
      invalid: 0,
      failed: 0,
      sessionsWritten: 2,
      rounds: 1,
      loadMs: 0,
      commitMs: 0,
    });
    expect(
      (await sessionsOf(store, 'u1')).map(({ session_id, event_count }) => ({ session_id, event_count })),
    ).toStrictEqual([
      { session_id: 'u1_1', event_count: 1 },
      { session_id: 'u1_2', event_count: 1 },
    ]);
  });

  it('takes a user past 120 events in a minute for a bot from that event on, and keeps its earlier and late events', async () => {
    // Prepare: bot1 sends 150 events 300 ms apart from T0 (the 121st at T0 + 36 s passes the limit);
    // u2 browses beside it; then bot1 sends 10 more a minute later and one event late, before the verdict
    const store = new InMemorySessionStore();
    const burst = Array.from({ length: 150 }, (_, i) => click('bot1', i * 300, i % 2 ? 'detail' : 'navigate'));
    const shopper = Array.from({ length: 20 }, (_, i) => click('u2', i * 2_000));
    const first = clickRecords([...burst, ...shopper]);
    const later = clickRecords(
      [...Array.from({ length: 10 }, (_, i) => click('bot1', 60_000 + i * 1_000)), click('bot1', 150, 'search')],
      170,
    );

    // Act: the first batch twice (a re-delivery), then the later one
    const outcomes = [];
    for (const records of [first, first, later]) outcomes.push(await sessionizeBatch(records, optionsFor(store)));

    // Assess
    expect(outcomes.map(({ sessionized, duplicates, bots }) => ({ sessionized, duplicates, bots }))).toStrictEqual([
      { sessionized: 140, duplicates: 0, bots: 30 },
      { sessionized: 0, duplicates: 140, bots: 30 },
      { sessionized: 1, duplicates: 0, bots: 10 },
    ]);
    expect(
      (await sessionsOf(store, 'bot1')).map(({ session_id, start, end, event_count }) => ({
        session_id,
        start,
        end,
        event_count,
      })),
    ).toStrictEqual([{ session_id: 'bot1_1', start: at(0), end: at(119 * 300), event_count: 121 }]);
    expect((await sessionsOf(store, 'u2')).map(({ event_count }) => event_count)).toStrictEqual([20]);
    expect(store.states.get('bot1')).toMatchObject({
      bot: { sinceMs: T0 + 120 * 300, from: { [SHARD_0]: streamPosition(sequenceOf(120)) } },
      rate: [],
      skipped: [],
      positions: { [SHARD_0]: streamPosition(sequenceOf(180)) },
    });
    expect(store.states.get('u2')).toMatchObject({ rate: [{ minuteMs: T0, events: 20 }] });
  });

  it("cuts a user's events into sessions where the gap reaches the session gap (9,999 ms joins, 10,000 ms cuts), numbering them in order", async () => {
    // Prepare
    const store = new InMemorySessionStore();
    const records = clickRecords([
      click('u1', 0, 'navigate'),
      click('u1', 9_999, 'detail'),
      click('u1', 19_998, 'checkout'),
      click('u1', 29_998, 'navigate', 'desktop'),
    ]);

    // Act
    const outcome = await sessionizeBatch(records, optionsFor(store));

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      rejected: [],
      sessionized: 4,
      duplicates: 0,
      bots: 0,
      invalid: 0,
      failed: 0,
      sessionsWritten: 2,
      rounds: 1,
      loadMs: expect.any(Number),
      commitMs: expect.any(Number),
    });
    expect(await sessionsOf(store, 'u1')).toStrictEqual([
      {
        session_id: 'u1_1',
        status: 'active',
        start: at(0),
        end: at(19_998),
        event_count: 3,
        entry_event: 'navigate',
        exit_event: 'checkout',
        device_type: 'mobile',
      },
      {
        session_id: 'u1_2',
        status: 'active',
        start: at(29_998),
        end: at(29_998),
        event_count: 1,
        entry_event: 'navigate',
        exit_event: 'navigate',
        device_type: 'desktop',
      },
    ]);
  });

  it('merges two sessions when a late event closes the gap between them, keeping the earlier id', async () => {
    // Prepare
    const store = new InMemorySessionStore();
    await sessionizeBatch(
      clickRecords([
        click('u1', 0, 'navigate'),
        click('u1', 1_000, 'detail'),
        click('u1', 20_000, 'search'),
        click('u1', 21_000, 'purchase'),
      ]),
      optionsFor(store),
    );

    // Act
    const outcome = await sessionizeBatch(clickRecords([click('u1', 10_500, 'category')], 4), optionsFor(store));

    // Assess
    expect(outcome).toMatchObject({ sessionized: 1, sessionsWritten: 2 });
    expect(await sessionsOf(store, 'u1')).toStrictEqual([
      {
        session_id: 'u1_1',
        status: 'active',
        start: at(0),
        end: at(21_000),
        event_count: 5,
        entry_event: 'navigate',
        exit_event: 'purchase',
        device_type: 'mobile',
      },
      {
        session_id: 'u1_2',
        status: 'merged',
        merged_into: 'u1_1',
        start: at(20_000),
        end: at(21_000),
        event_count: 2,
        entry_event: 'search',
        exit_event: 'purchase',
        device_type: 'mobile',
      },
    ]);
  });

  it('extends a session backwards with a late first event, which becomes the entry event and sets the device', async () => {
    // Prepare
    const store = new InMemorySessionStore();
    await sessionizeBatch(clickRecords([click('u1', 0, 'detail'), click('u1', 2_000, 'checkout')]), optionsFor(store));

    // Act
    await sessionizeBatch(clickRecords([click('u1', -7_000, 'search', 'tablet')], 2), optionsFor(store));

    // Assess
    expect(await sessionsOf(store, 'u1')).toStrictEqual([
      {
        session_id: 'u1_1',
        status: 'active',
        start: at(-7_000),
        end: at(2_000),
        event_count: 3,
        entry_event: 'search',
        exit_event: 'checkout',
        device_type: 'tablet',
      },
    ]);
  });

  it('counts an event once however often it arrives, within a batch and across re-deliveries', async () => {
    // Prepare
    const store = new InMemorySessionStore();
    const events = [click('u1', 0, 'navigate'), click('u1', 3_000, 'detail'), click('u1', 3_000, 'detail')];

    // Act
    const first = await sessionizeBatch(clickRecords(events), optionsFor(store));
    const again = await sessionizeBatch(clickRecords(events), optionsFor(store));

    // Assess
    expect([first, again].map(({ sessionized, duplicates }) => ({ sessionized, duplicates }))).toStrictEqual([
      { sessionized: 2, duplicates: 1 },
      { sessionized: 0, duplicates: 3 },
    ]);
    expect(await sessionsOf(store, 'u1')).toStrictEqual([
      {
        session_id: 'u1_1',
        status: 'active',
        start: at(0),
        end: at(3_000),
        event_count: 2,
        entry_event: 'navigate',
        exit_event: 'detail',
        device_type: 'mobile',
      },
    ]);
  });

  it("records, per shard, how far it decided a user's records and which it did not add, so demand counts the same events", async () => {
    // Prepare: a copy in the batch (record 2), then a resend (record 4) and a too-late event (record 5)
    const store = new InMemorySessionStore();
    await sessionizeBatch(
      clickRecords([click('u1', 0, 'navigate'), click('u1', 3_000), click('u1', 3_000)]),
      optionsFor(store),
    );

    // Act
    await sessionizeBatch(
      clickRecords(
        [click('u1', 3_000), click('u1', 5_000, 'checkout'), click('u1', 0, 'navigate'), click('u1', -49 * HOUR_MS)],
        3,
      ),
      optionsFor(store),
    );
    await sessionizeBatch(clickRecords([click('u1', 3_000), click('u1', 5_000, 'checkout')], 3), optionsFor(store));

    // Assess: the re-delivery of records 3 and 4 changed nothing
    const { positions, skipped } = store.states.get('u1')!;
    expect(positions).toStrictEqual({ [SHARD_0]: streamPosition(sequenceOf(6)) });
    expect(skipped.map((record) => [record.shardId, record.position]).sort()).toStrictEqual(
      [2, 3, 5, 6].map((n) => [SHARD_0, streamPosition(sequenceOf(n))]),
    );
    expect(store.stateWrites.map(({ applied }) => applied)).toStrictEqual([true, true]);
  });

  it('sets aside records that are not clickstream envelopes and events older than the lateness limit, with the reason', async () => {
    // Prepare
    const store = new InMemorySessionStore();
    const records = clickRecords([
      'not json',
      JSON.stringify({ schema_version: 2 }),
      JSON.stringify({ schema_version: 1, type: 'clickstream' }),
      click('u1', -49 * HOUR_MS),
      click('u1', 0),
    ]);

    // Act
    const outcome = await sessionizeBatch(records, optionsFor(store));

    // Assess
    expect(outcome.rejected.map(({ sequenceNumber, reason }) => [sequenceNumber, reason.name])).toStrictEqual([
      [sequenceOf(0), 'InvalidJson'],
      [sequenceOf(1), 'UnknownSchemaVersion'],
      [sequenceOf(2), 'InvalidClickstreamEnvelope'],
      [sequenceOf(3), 'TooLate'],
    ]);
    expect(outcome.rejected[3]?.reason.message).toBe(
      'The event happened at 2026-11-20T09:00:00.000Z, more than 48 h before it was processed; sessions take events up to 48 h late (sessionLatenessHours).',
    );
    expect(outcome).toMatchObject({ sessionized: 1, invalid: 4, batchItemFailures: [] });
  });

  it('re-delivers from the first record of a user whose step failed, and sessionizes the other users', async () => {
    // Prepare
    const store = new InMemorySessionStore();
    store.failingUsers.add('u2');
    const records = clickRecords([click('u1', 0), click('u2', 0), click('u1', 1_000), click('u2', 1_000)]);

    // Act
    const outcome = await sessionizeBatch(records, optionsFor(store));
    store.failingUsers.clear();
    const retried = await sessionizeBatch(records.slice(1), optionsFor(store));

    // Assess
    expect(outcome).toMatchObject({
      batchItemFailures: [{ itemIdentifier: sequenceOf(1) }],
      sessionized: 2,
      failed: 2,
      failure: { name: 'NetworkingError' },
    });
    expect(retried).toMatchObject({ batchItemFailures: [], sessionized: 2, duplicates: 1 });
    expect((await sessionsOf(store, 'u2')).map((s) => [s.session_id, s.event_count])).toStrictEqual([['u2_1', 2]]);
  });

  it('ends with the sessions of the whole clickstream at once, whatever the arrival order, batch sizes and copies', async () => {
    // Prepare
    const workload = generateClickstream({ users: 40, seed: 7, gapMs: GAP_MS, startMs: T0 });
    const expected = sessionsOracle(workload.arrivals, GAP_MS);
    const random = seededRandom(11);

    for (const order of ['arrival', 'reversed', 'shuffled'] as const) {
      const arrivals = [...workload.arrivals];
      if (order === 'reversed') arrivals.reverse();
      if (order === 'shuffled') arrivals.sort(() => random() - 0.5);
      const store = new InMemorySessionStore();

      // Act
      for (let start = 0; start < arrivals.length;) {
        const size = 1 + Math.floor(random() * 120);
        await sessionizeBatch(clickRecords(arrivals.slice(start, start + size), start), optionsFor(store));
        start += size;
      }

      // Assess
      for (const [userId, sessions] of expected) {
        const active = listSessions(
          await store.sessionsOf(userId),
          { userId, includeMerged: false, limit: 1000 },
          GAP_MS,
        ).sessions;
        expect({
          order,
          userId,
          sessions: active.map(({ user_id, start, end, event_count, device_type, entry_event, exit_event }) => ({
            user_id,
            start,
            end,
            event_count,
            device_type,
            entry_event,
            exit_event,
          })),
        }).toStrictEqual({ order, userId, sessions });
      }
    }
    expect(workload.bridges).toBeGreaterThan(3);
    expect(workload.copies).toBeGreaterThan(3);
  });
});
