import { userKeyOf, type EraseUsersResult, type TableChange, type Tombstone } from '@sdp/shared-streams';
import { completeErasures } from '../src/domain/completeErasures.js';
import { erasedCountsOf } from '../src/domain/erasedCountsOf.js';
import { eraseFailedEventsOf } from '../src/domain/eraseFailedEventsOf.js';
import { failedEventNamesUser } from '../src/domain/failedEventNamesUser.js';
import { liftTombstone } from '../src/domain/liftTombstone.js';
import { parseUserId } from '../src/domain/parseUserId.js';
import { parseUserRequest } from '../src/domain/parseUserRequest.js';
import { startErasure } from '../src/domain/startErasure.js';
import type { ErasedCounts, Erasure, ErasureOwners, ErasureStore } from '../src/domain/types.js';

const ADMIN = { tenant: 'acme', key_id: 'k1' };
const T0 = new Date('2026-12-07T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** The tombstones and the log in memory, with the same conditions as DynamoDB's. */
function memoryErasureStore() {
  const tombstones = new Map<string, Tombstone>();
  const entries: { entry: Erasure; tallies?: Record<string, number> }[] = [];
  const find = (userId: string, erasureId: string) =>
    entries.find(({ entry }) => entry.user_id === userId && entry.erasure_id === erasureId);
  const withCounts = ({ entry, tallies }: (typeof entries)[number]): Erasure =>
    tallies ? { ...entry, removed: erasedCountsOf(tallies) } : { ...entry };
  const store: ErasureStore = {
    tombstone: async (userId) => tombstones.get(userKeyOf(userId)),
    history: async (userId) =>
      entries
        .filter(({ entry }) => entry.user_id === userId)
        .map(withCounts)
        .sort((a, b) => b.erasure_id.localeCompare(a.erasure_id)),
    startErasure: async (tombstone, entry) => {
      tombstones.set(tombstone.userKey, tombstone);
      entries.push({ entry: { ...entry }, tallies: {} });
    },
    lift: async (tombstone, entry) => {
      const current = tombstones.get(tombstone.userKey);
      if (current?.status !== 'erased' || current.erasureId !== tombstone.erasureId) return false;
      tombstones.set(tombstone.userKey, tombstone);
      entries.push({ entry: { ...entry } });
      return true;
    },
    tally: async (userId, erasureId, counts) => {
      const found = find(userId, erasureId);
      if (found?.entry.status !== 'erasing') return;
      for (const [name, count] of Object.entries(counts)) found.tallies![name] = (found.tallies![name] ?? 0) + count;
    },
    completeErasure: async (userId, erasureId, completedAt) => {
      const found = find(userId, erasureId);
      if (found?.entry.status !== 'erasing') return false;
      Object.assign(found.entry, { status: 'erased', completed_at: completedAt });
      return true;
    },
  };
  return { store, tombstones, log: () => entries.map(withCounts) };
}

/** Owners over in-memory stores: each removes what it holds of a user and says how much, then holds nothing. */
function memoryOwners(held: Record<string, Partial<Record<keyof ErasureOwners, Record<string, number>>>>) {
  const asked: string[][] = [];
  const owner =
    (kind: keyof ErasureOwners) =>
    async (userIds: readonly string[]): Promise<EraseUsersResult> => {
      asked.push([kind, ...userIds]);
      const removed = Object.fromEntries(userIds.map((userId) => [userId, held[userId]?.[kind] ?? {}]));
      for (const userId of userIds) held[userId] = { ...held[userId], [kind]: {} };
      return { removed };
    };
  const owners: ErasureOwners = {
    sessions: owner('sessions'),
    orders: owner('orders'),
    lake: owner('lake'),
    failedEvents: owner('failedEvents'),
  };
  return { owners, asked };
}

const changeOf = (entry: Erasure): TableChange => ({ sequenceNumber: entry.erasure_id, newImage: { ...entry } });

describe('erasure', () => {
  it('writes the tombstone and the erasing entry together, then the worker waits out the settle time, removes the data everywhere and completes the entry once', async () => {
    // Prepare
    const { store, tombstones, log } = memoryErasureStore();
    const { owners, asked } = memoryOwners({
      u1: {
        sessions: { session_items: 3 },
        orders: { order_lines: 2 },
        failedEvents: { failed_events: 1 },
        lake: { clickstream_events: 9, session_changes: 4, partitions_rewritten: 2 },
      },
    });
    let clock = T0;
    const slept: number[] = [];
    const deps = {
      owners,
      store,
      settleMs: 60_000,
      now: () => clock,
      sleep: async (ms: number) => {
        slept.push(ms);
        clock = new Date(clock.getTime() + ms);
      },
    };

    // Act
    const entry = await startErasure('u1', ADMIN, { store, now: () => at(0), randomId: () => 'r1' });
    clock = at(10);
    const first = await completeErasures([changeOf(entry)], deps);
    const redelivered = await completeErasures([changeOf(entry)], deps);

    // Assess
    const expected: ErasedCounts = {
      session_items: 3,
      order_lines: 2,
      failed_events: 1,
      lake_rows: { clickstream_events: 9, session_changes: 4 },
      lake_partitions_rewritten: 2,
    };
    expect(entry).toStrictEqual({
      user_id: 'u1',
      erasure_id: '2026-12-07T09:00:00.000Z_r1',
      action: 'erase',
      status: 'erasing',
      requested_at: '2026-12-07T09:00:00.000Z',
      requested_by: ADMIN,
    });
    expect([...tombstones.values()]).toStrictEqual([
      { userKey: userKeyOf('u1'), status: 'erased', erasedAt: '2026-12-07T09:00:00.000Z', erasureId: entry.erasure_id },
    ]);
    expect(slept).toStrictEqual([50_000]);
    expect(first).toStrictEqual({ batchItemFailures: [], completed: 1, alreadyDone: 0 });
    expect(redelivered).toStrictEqual({ batchItemFailures: [], completed: 0, alreadyDone: 1 });
    expect(log()).toStrictEqual([
      { ...entry, status: 'erased', completed_at: '2026-12-07T09:01:00.000Z', removed: expected },
    ]);
    expect(asked.sort()).toStrictEqual([
      ['failedEvents', 'u1'],
      ['failedEvents', 'u1'],
      ['lake', 'u1'],
      ['lake', 'u1'],
      ['orders', 'u1'],
      ['orders', 'u1'],
      ['sessions', 'u1'],
      ['sessions', 'u1'],
    ]);
  });

  it('completes an erasure that died midway when its change comes again, with the counts of both passes', async () => {
    // Prepare: the lake is out of reach on the first pass
    const { store, log } = memoryErasureStore();
    const { owners } = memoryOwners({
      u1: {
        sessions: { session_items: 3 },
        orders: { order_lines: 2 },
        failedEvents: { failed_events: 1 },
        lake: { clickstream_events: 9, partitions_rewritten: 2 },
      },
    });
    let lakeDown = true;
    const deps = {
      owners: {
        ...owners,
        lake: async (userIds: readonly string[]) => {
          if (lakeDown) throw new Error('the lake function timed out');
          return owners.lake(userIds);
        },
      },
      store,
      settleMs: 0,
      now: () => at(60),
      sleep: async () => undefined,
    };
    const entry = await startErasure('u1', ADMIN, { store, now: () => at(0), randomId: () => 'r1' });

    // Act
    const first = await completeErasures([changeOf(entry)], deps).catch((error: unknown) => error);
    const between = log();
    lakeDown = false;
    const second = await completeErasures([changeOf(entry)], deps);

    // Assess
    expect(first).toStrictEqual(new Error('the lake function timed out'));
    expect(between.map(({ status, removed }) => ({ status, removed }))).toStrictEqual([
      {
        status: 'erasing',
        removed: {
          session_items: 3,
          order_lines: 2,
          failed_events: 1,
          lake_rows: {},
          lake_partitions_rewritten: 0,
        },
      },
    ]);
    expect(second).toStrictEqual({ batchItemFailures: [], completed: 1, alreadyDone: 0 });
    expect(log().map(({ status, removed }) => ({ status, removed }))).toStrictEqual([
      {
        status: 'erased',
        removed: {
          session_items: 3,
          order_lines: 2,
          failed_events: 1,
          lake_rows: { clickstream_events: 9 },
          lake_partitions_rewritten: 2,
        },
      },
    ]);
  });

  it('erases a user asked for twice in one batch once, and counts what it removed on the newer entry only', async () => {
    // Prepare
    const { store, log } = memoryErasureStore();
    const { owners, asked } = memoryOwners({ u1: { sessions: { session_items: 3 } } });
    const older = await startErasure('u1', ADMIN, { store, now: () => at(0), randomId: () => 'r1' });
    const newer = await startErasure('u1', ADMIN, { store, now: () => at(1), randomId: () => 'r2' });

    // Act
    const outcome = await completeErasures([changeOf(older), changeOf(newer)], {
      owners,
      store,
      settleMs: 0,
      now: () => at(60),
      sleep: async () => undefined,
    });

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], completed: 2, alreadyDone: 0 });
    expect(asked.filter(([kind]) => kind === 'sessions')).toStrictEqual([['sessions', 'u1']]);
    expect(log().map(({ erasure_id, status, removed }) => [erasure_id, status, removed?.session_items])).toStrictEqual([
      [older.erasure_id, 'erased', 0],
      [newer.erasure_id, 'erased', 3],
    ]);
  });

  it('ignores the changes of entries that are not erasing (completed ones, lifts)', async () => {
    // Prepare
    const { store } = memoryErasureStore();
    const { owners, asked } = memoryOwners({});
    const lift: Erasure = {
      user_id: 'u1',
      erasure_id: 'e2',
      action: 'lift',
      status: 'lifted',
      requested_at: T0.toISOString(),
      requested_by: ADMIN,
    };

    // Act
    const outcome = await completeErasures([changeOf(lift), { sequenceNumber: '3' }], {
      owners,
      store,
      settleMs: 0,
      now: () => T0,
      sleep: async () => undefined,
    });

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], completed: 0, alreadyDone: 0 });
    expect(asked).toStrictEqual([]);
  });

  it('lifts a tombstone once the erasure is done, refuses while it runs, and answers 404 for a user never erased', async () => {
    // Prepare
    const { store, log } = memoryErasureStore();
    const deps = { store, now: () => at(120), randomId: () => 'r2' };
    const entry = await startErasure('u1', ADMIN, { store, now: () => at(0), randomId: () => 'r1' });

    // Act
    const whileErasing = await liftTombstone('u1', ADMIN, deps).catch((error: unknown) => error);
    const never = await liftTombstone('u2', ADMIN, deps).catch((error: unknown) => error);
    await store.completeErasure('u1', entry.erasure_id, at(60).toISOString());
    const lifted = await liftTombstone('u1', ADMIN, deps);
    const again = await liftTombstone('u1', ADMIN, deps);

    // Assess
    expect(whileErasing).toMatchObject({ statusCode: 409, code: 'erasure_in_progress' });
    expect(never).toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(lifted.tombstone).toStrictEqual({
      status: 'lifted',
      erased_at: '2026-12-07T09:00:00.000Z',
      lifted_at: '2026-12-07T09:02:00.000Z',
    });
    expect(lifted.erasures.map((e) => [e.action, e.status])).toStrictEqual([
      ['lift', 'lifted'],
      ['erase', 'erased'],
    ]);
    expect(again).toStrictEqual(lifted);
    expect(log()).toHaveLength(2);
  });

  it('finds the failed records of a user by partition key, data (plain, DynamoDB JSON, nested text, cut short) or error, and no other', async () => {
    // Prepare
    const record = (partition_key: string, data: string, error_message = 'The record is not valid.') => ({
      partition_key,
      data,
      error_message,
    });

    // Act
    const named = [
      record('u1', '{}'),
      record('tx-1', '{"data":{"user_id":"u1","event_name":"detail"}}'),
      record('{}', '{"newImage":{"user_id":"u1"},"oldImage":null}'),
      record('x', '{"Keys":{"user_id":{"S":"u1"}}}'),
      record('x', JSON.stringify({ data: JSON.stringify({ user_id: 'u1' }) })),
      record('x', '{"data":{"user_id":"u1","event_na'),
      record('x', 'not json', "Could not sessionize user 'u1': late"),
    ].map((failed) => failedEventNamesUser(failed, 'u1'));
    const others = [
      record('u10', '{"data":{"user_id":"u10"}}'),
      record('x', '{"data":{"app_uid":"u1"}}'),
      record('x', '{"data":{"user_id":"u10","event_na'),
    ].map((failed) => failedEventNamesUser(failed, 'u1'));

    // Assess
    expect(named).toStrictEqual([true, true, true, true, true, true, true]);
    expect(others).toStrictEqual([false, false, false]);
  });

  it("removes the users' failed records, counted per user, and leaves the others", async () => {
    // Prepare
    const removed: string[][] = [];
    const candidates = [
      { failure_id: 'f1', partition_key: 'u1', data: '{}', error_message: '' },
      { failure_id: 'f2', partition_key: 'x', data: '{"user_id":"u2"}', error_message: '' },
      { failure_id: 'f3', partition_key: 'x', data: '{"user_id":"u10"}', error_message: '' },
    ];

    // Act
    const result = await eraseFailedEventsOf(['u1', 'u2'], {
      candidates: async () => candidates,
      remove: async (ids) => void removed.push([...ids]),
    });

    // Assess
    expect(result).toStrictEqual({ removed: { u1: { failed_events: 1 }, u2: { failed_events: 1 } } });
    expect(removed).toStrictEqual([['f1', 'f2']]);
  });

  it("takes a path's user id as the clickstream spells it, and says what to fix otherwise", () => {
    // Act / Assess
    expect(parseUserId('shopper%3A1')).toBe('shopper:1');
    expect(() => parseUserId('a%2Fb')).toThrow(
      "user_id must be 1 to 128 letters, digits or ._:@- (the clickstream's user_id); got 'a/b'.",
    );
    expect(() => parseUserId('x'.repeat(129))).toThrow(/user_id must be 1 to 128/);
    expect(() => parseUserId(undefined)).toThrow(/got ''/);
    expect(parseUserRequest({ user_id: 'u1' }, {})).toBe('u1');
    expect(() => parseUserRequest({ user_id: 'u1' }, { wait: 'true' })).toThrow(
      "'wait' is not a query parameter of this endpoint; it takes none.",
    );
  });
});
