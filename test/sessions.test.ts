import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateClickstreamEnvelope } from '@sdp/shared-contract';
import { localKinesisClient } from '@sdp/local-cloud';
import { generateClickstream } from '../fixtures/clickstream/generateClickstream.js';
import { sessionsOracle, type PostedClick } from '../fixtures/clickstream/sessionsOracle.js';
import { NAMESPACES } from './support/namespaces.js';
import { readWholeStream, type StreamRecordRead } from './support/readWholeStream.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';
import { listedSessions, type ListedSession } from './support/platformReads.js';

const CLICKSTREAM = 'sdp-ingest-local-clickstream';
const SESSIONS_STREAM = 'sdp-sessions-local-sessions';
const GAP_MS = 10_000;
/** The suite's users (the streams are shared with other suites): the workload's shoppers, a late user, the validation checks' users */
const { userPrefix: USER_PREFIX, productPrefix: PRODUCT_PREFIX } = NAMESPACES.sessions;
const SHOPPER_PREFIX = `${USER_PREFIX}shopper-`;
const LATE_USER = `${USER_PREFIX}late-user`;
const CHECKED_PREFIX = `${USER_PREFIX}checked-`;

describe('sessions of a shop clickstream through the local cloud', () => {
  let cloud: TestCloud;

  const postBatch = async (events: readonly unknown[]) => {
    const response = await cloud.fetch('/clickstream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        accepted: number;
        rejected: number;
        results: { status: string; error?: { code: string } }[];
      },
    };
  };
  const sessionsOf = (userId: string, includeMerged = false) => listedSessions(cloud, userId, { includeMerged });

  /** The whole clickstream (shared with other suites), its records of the validation checks' users, and every user in it */
  const clickstream = async () => {
    const records = await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), CLICKSTREAM);
    const userOf = (record: StreamRecordRead) => (record.data as { data?: { user_id?: unknown } }).data?.user_id;
    return {
      records,
      checked: records.filter((record) => String(userOf(record)).startsWith(CHECKED_PREFIX)),
      users: new Set(records.map(userOf)),
    };
  };

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('ends with exactly the sessions of the whole clickstream in event time, despite disorder, late bridging events and copies', async () => {
    // Prepare
    const workload = generateClickstream({
      users: 150,
      seed: 2026,
      gapMs: GAP_MS,
      startMs: Date.now() - 30 * 60_000,
      userPrefix: SHOPPER_PREFIX,
      productPrefix: PRODUCT_PREFIX,
    });
    const expected = sessionsOracle(workload.arrivals, GAP_MS);

    // Act: the first 20 events one by one, the rest in batches of 1 to 200, in arrival order
    for (const event of workload.arrivals.slice(0, 20)) {
      const response = await cloud.fetch('/clickstream', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      expect(response.status).toBe(202);
    }
    let accepted = 20;
    for (let start = 20, size = 1; start < workload.arrivals.length; start += size, size = 1 + ((start * 7919) % 200)) {
      const { status, body } = await postBatch(workload.arrivals.slice(start, start + size));
      expect({ status, rejected: body.rejected }).toStrictEqual({ status: 200, rejected: 0 });
      accepted += body.accepted;
    }
    await cloud.waitForIdle();

    // Assess
    expect(accepted).toBe(workload.arrivals.length);
    expect(workload.bridges).toBeGreaterThan(10);
    const mismatches: unknown[] = [];
    for (const [userId, sessions] of expected) {
      const listed = await sessionsOf(userId);
      const actual = listed.map(({ user_id, start, end, event_count, device_type, entry_event, exit_event }) => ({
        user_id,
        start,
        end,
        event_count,
        device_type,
        entry_event,
        exit_event,
      }));
      if (JSON.stringify(actual) !== JSON.stringify(sessions)) mismatches.push({ userId, actual, sessions });
      const ids = listed.map((s) => s.session_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => new RegExp(`^${userId}_[1-9]\\d*$`).test(id))).toBe(true);
    }
    expect(mismatches).toStrictEqual([]);

    // The sessions stream carries every version; the latest of each session is what the API lists.
    // The stream is shared: every session of the workload's user prefix must be one the API lists.
    const latest = new Map<string, ListedSession>();
    for (const { data } of await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), SESSIONS_STREAM)) {
      if (!(data as ListedSession).user_id.startsWith(SHOPPER_PREFIX)) continue;
      const session = data as ListedSession & { updated_at: string };
      const known = latest.get(session.session_id) as (ListedSession & { updated_at: string }) | undefined;
      if (!known || known.updated_at <= session.updated_at) latest.set(session.session_id, session);
    }
    const streamed = [...latest.values()]
      .filter((s) => s.status === 'active')
      .map((s) => `${s.session_id} ${s.start} ${s.end} ${s.event_count}`)
      .sort();
    const listedAll = (await Promise.all([...expected.keys()].map((userId) => sessionsOf(userId))))
      .flat()
      .map((s) => `${s.session_id} ${s.start} ${s.end} ${s.event_count}`)
      .sort();
    expect(streamed).toStrictEqual(listedAll);
  }, 600_000);

  it('merges two sessions when a late event bridges them, keeping the earlier id, and extends one backwards', async () => {
    // Prepare
    const t0 = Date.now() - 10 * 60_000;
    const click = (offsetMs: number, event_name: string, device_type = 'mobile'): PostedClick => ({
      user_id: LATE_USER,
      event_timestamp: t0 + offsetMs,
      event_name,
      device_type,
    });
    await postBatch([click(0, 'navigate'), click(1_000, 'detail'), click(20_000, 'search'), click(21_000, 'purchase')]);
    await cloud.waitForIdle();
    const before = await sessionsOf(LATE_USER);

    // Act
    await postBatch([click(10_500, 'category')]);
    await cloud.waitForIdle();
    const merged = await sessionsOf(LATE_USER, true);
    await postBatch([click(-6_000, 'search', 'tablet'), click(1_000, 'detail')]);
    await cloud.waitForIdle();
    const extended = await sessionsOf(LATE_USER);

    // Assess
    const iso = (offsetMs: number) => new Date(t0 + offsetMs).toISOString();
    expect(before.map((s) => [s.session_id, s.start, s.end, s.event_count])).toStrictEqual([
      [`${LATE_USER}_1`, iso(0), iso(1_000), 2],
      [`${LATE_USER}_2`, iso(20_000), iso(21_000), 2],
    ]);
    expect(
      merged.map((s) => [
        s.session_id,
        s.status,
        s.merged_into ?? null,
        s.start,
        s.end,
        s.event_count,
        s.entry_event,
        s.exit_event,
      ]),
    ).toStrictEqual([
      [`${LATE_USER}_1`, 'active', null, iso(0), iso(21_000), 5, 'navigate', 'purchase'],
      [`${LATE_USER}_2`, 'merged', `${LATE_USER}_1`, iso(20_000), iso(21_000), 2, 'search', 'purchase'],
    ]);
    expect(
      extended.map((s) => [s.session_id, s.start, s.end, s.event_count, s.entry_event, s.device_type]),
    ).toStrictEqual([[`${LATE_USER}_1`, iso(-6_000), iso(21_000), 6, 'search', 'tablet']]);
  }, 180_000);

  it('rejects invalid clickstream events with every reason and writes nothing invalid to the stream', async () => {
    // Prepare: the stream is shared, so the checks' users are the suite's own; one user per request
    const user = (name: string) => `${CHECKED_PREFIX}${name}`;
    const valid = { user_id: user('valid'), event_timestamp: Date.now(), event_name: 'detail' };
    const rejectedUsers = [user('bad id'), user('no-time')];
    // As the seed's click generator sends it: a JSON template filled by envsubst, the time a string of digits.
    const templated = {
      user_id: user('templated'),
      event_timestamp: String(valid.event_timestamp),
      event_name: 'detail',
    };
    const before = await clickstream();

    // Act
    const single = await cloud.fetch('/clickstream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: rejectedUsers[0], event_timestamp: 'now', event_name: 'detail' }),
    });
    const singleBody = (await single.json()) as { code: string; message: string; violations: { path: string }[] };
    const batch = await postBatch([valid, { user_id: rejectedUsers[1], event_name: 'detail' }, 'not an object']);
    const notABatch = await postBatch([]);
    const fromTemplate = await cloud.fetch('/clickstream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(templated),
    });
    const after = await clickstream();

    // Assess
    expect({
      status: single.status,
      code: singleBody.code,
      paths: singleBody.violations.map((v) => v.path).sort(),
    }).toStrictEqual({
      status: 400,
      code: 'validation_failed',
      paths: ['$.event_timestamp', '$.user_id'],
    });
    expect({
      status: batch.status,
      accepted: batch.body.accepted,
      results: batch.body.results.map((r) => r.error?.code ?? r.status),
    }).toStrictEqual({
      status: 200,
      accepted: 1,
      results: ['accepted', 'validation_failed', 'validation_failed'],
    });
    expect([notABatch.status, fromTemplate.status]).toStrictEqual([400, 202]);
    // Exactly the valid events (with the contract's defaults, the templated one's time as the integer)
    // are new among the checks' users, no rejected user is in the stream, and every record of it,
    // whichever suite posted it, is valid.
    expect(before.checked).toStrictEqual([]);
    const checkedEvents = after.checked.map((record) => (record.data as { data: { user_id: string } }).data);
    expect(checkedEvents.sort((a, b) => a.user_id.localeCompare(b.user_id))).toStrictEqual([
      { ...templated, event_timestamp: valid.event_timestamp, event_type: 'click', device_type: 'unknown' },
      { ...valid, event_type: 'click', device_type: 'unknown' },
    ]);
    expect(rejectedUsers.filter((rejected) => after.users.has(rejected))).toStrictEqual([]);
    expect(after.records.filter((record) => !validateClickstreamEnvelope(record.data))).toStrictEqual([]);
  }, 120_000);
  it("accepts the XShop seed's click generator as it runs (an envsubst template posted with curl, the time a string of digits) and sessionizes its clicks at the 10-second gap", async () => {
    // Prepare: one shopper's clicks, the gaps after the third and the fifth longer than the session gap.
    const userId = `${USER_PREFIX}xshop-1`;
    const startMs = Date.now() - 5 * 60_000;
    const offsets = [0, 3_000, 6_500, 20_000, 22_000, 40_000];

    // Act
    const { stdout } = await promisify(execFile)(
      path.resolve(import.meta.dirname, '../fixtures/xshop/send-clicks.sh'),
      offsets.map(String),
      { env: { ...process.env, URL: cloud.url, API_KEY: cloud.apiKey, USER_ID: userId, START_MS: String(startMs) } },
    );
    await cloud.waitForIdle();

    // Assess
    expect(stdout.trim().split('\n')).toStrictEqual(offsets.map(() => '202'));
    const at = (offset: number) => new Date(startMs + offset).toISOString();
    expect(
      (await sessionsOf(userId)).map(({ session_id, start, end, event_count, entry_event, exit_event }) => ({
        session_id,
        start,
        end,
        event_count,
        entry_event,
        exit_event,
      })),
    ).toStrictEqual([
      {
        session_id: `${userId}_1`,
        start: at(0),
        end: at(6_500),
        event_count: 3,
        entry_event: 'navigate',
        exit_event: 'detail',
      },
      {
        session_id: `${userId}_2`,
        start: at(20_000),
        end: at(22_000),
        event_count: 2,
        entry_event: 'add_to_cart',
        exit_event: 'checkout',
      },
      {
        session_id: `${userId}_3`,
        start: at(40_000),
        end: at(40_000),
        event_count: 1,
        entry_event: 'purchase',
        exit_event: 'purchase',
      },
    ]);
  }, 120_000);
});
