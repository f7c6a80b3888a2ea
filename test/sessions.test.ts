import { localKinesisClient } from '../local-cloud/src/clients.js';
import { generateClickstream } from './support/clickstream/generateClickstream.js';
import { sessionsOracle, type PostedClick } from './support/clickstream/sessionsOracle.js';
import { readWholeStream } from './support/readWholeStream.js';
import { CLOUD_START_TIMEOUT_MS, startTestCloud, type TestCloud } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';

const CLICKSTREAM = 'sdp-ingest-local-clickstream';
const SESSIONS_STREAM = 'sdp-sessions-local-sessions';
const GAP_MS = 10_000;

interface ListedSession {
  session_id: string;
  user_id: string;
  status: 'active' | 'merged';
  merged_into?: string;
  start: string;
  end: string;
  event_count: number;
  device_type: string;
  entry_event: string;
  exit_event: string;
}

describe('sessions of a shop clickstream through the local cloud', () => {
  let cloud: TestCloud;

  const postBatch = async (events: readonly unknown[]) => {
    const response = await cloud.fetch('/clickstream', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
    return { status: response.status, body: (await response.json()) as { accepted: number; rejected: number; results: { status: string; error?: { code: string } }[] } };
  };
  const sessionsOf = async (userId: string, includeMerged = false): Promise<ListedSession[]> => {
    const response = await cloud.fetch(`/sessions?user_id=${encodeURIComponent(userId)}&limit=1000&include_merged=${includeMerged}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { sessions: ListedSession[] }).sessions;
  };

  beforeAll(async () => {
    cloud = await startTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('ends with exactly the sessions of the whole clickstream in event time, despite disorder, late bridging events and copies', async () => {
    // Prepare
    const workload = generateClickstream({ users: 150, seed: 2026, gapMs: GAP_MS, startMs: Date.now() - 30 * 60_000 });
    const expected = sessionsOracle(workload.arrivals, GAP_MS);

    // Act: the first 20 events one by one, the rest in batches of 1 to 200, in arrival order
    for (const event of workload.arrivals.slice(0, 20)) {
      const response = await cloud.fetch('/clickstream', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
      expect(response.status).toBe(202);
    }
    let accepted = 20;
    for (let start = 20, size = 1; start < workload.arrivals.length; start += size, size = 1 + ((start * 7919) % 200)) {
      const { status, body } = await postBatch(workload.arrivals.slice(start, start + size));
      expect({ status, rejected: body.rejected }).toStrictEqual({ status: 200, rejected: 0 });
      accepted += body.accepted;
    }
    await waitForIdlePipeline(cloud);

    // Assess
    expect(accepted).toBe(workload.arrivals.length);
    expect(workload.bridges).toBeGreaterThan(10);
    const mismatches: unknown[] = [];
    for (const [userId, sessions] of expected) {
      const listed = await sessionsOf(userId);
      const actual = listed.map(({ user_id, start, end, event_count, device_type, entry_event, exit_event }) => ({ user_id, start, end, event_count, device_type, entry_event, exit_event }));
      if (JSON.stringify(actual) !== JSON.stringify(sessions)) mismatches.push({ userId, actual, sessions });
      const ids = listed.map((s) => s.session_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => new RegExp(`^${userId}_[1-9]\\d*$`).test(id))).toBe(true);
    }
    expect(mismatches).toStrictEqual([]);

    // The sessions stream carries every version; the latest of each session is what the API lists.
    const latest = new Map<string, ListedSession>();
    for (const { data } of await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), SESSIONS_STREAM)) {
      const session = data as ListedSession & { updated_at: string };
      const known = latest.get(session.session_id) as (ListedSession & { updated_at: string }) | undefined;
      if (!known || known.updated_at <= session.updated_at) latest.set(session.session_id, session);
    }
    const streamed = [...latest.values()].filter((s) => s.status === 'active' && expected.has(s.user_id)).map((s) => `${s.session_id} ${s.start} ${s.end} ${s.event_count}`).sort();
    const listedAll = (await Promise.all([...expected.keys()].map((userId) => sessionsOf(userId)))).flat().map((s) => `${s.session_id} ${s.start} ${s.end} ${s.event_count}`).sort();
    expect(streamed).toStrictEqual(listedAll);
  }, 600_000);

  it('merges two sessions when a late event bridges them, keeping the earlier id, and extends one backwards', async () => {
    // Prepare
    const t0 = Date.now() - 10 * 60_000;
    const click = (offsetMs: number, event_name: string, device_type = 'mobile'): PostedClick => ({ user_id: 'late-user', event_timestamp: t0 + offsetMs, event_name, device_type });
    await postBatch([click(0, 'navigate'), click(1_000, 'detail'), click(20_000, 'search'), click(21_000, 'purchase')]);
    await waitForIdlePipeline(cloud);
    const before = await sessionsOf('late-user');

    // Act
    await postBatch([click(10_500, 'category')]);
    await waitForIdlePipeline(cloud);
    const merged = await sessionsOf('late-user', true);
    await postBatch([click(-6_000, 'search', 'tablet'), click(1_000, 'detail')]);
    await waitForIdlePipeline(cloud);
    const extended = await sessionsOf('late-user');

    // Assess
    const iso = (offsetMs: number) => new Date(t0 + offsetMs).toISOString();
    expect(before.map((s) => [s.session_id, s.start, s.end, s.event_count])).toStrictEqual([
      ['late-user_1', iso(0), iso(1_000), 2],
      ['late-user_2', iso(20_000), iso(21_000), 2],
    ]);
    expect(merged.map((s) => [s.session_id, s.status, s.merged_into ?? null, s.start, s.end, s.event_count, s.entry_event, s.exit_event])).toStrictEqual([
      ['late-user_1', 'active', null, iso(0), iso(21_000), 5, 'navigate', 'purchase'],
      ['late-user_2', 'merged', 'late-user_1', iso(20_000), iso(21_000), 2, 'search', 'purchase'],
    ]);
    expect(extended.map((s) => [s.session_id, s.start, s.end, s.event_count, s.entry_event, s.device_type])).toStrictEqual([['late-user_1', iso(-6_000), iso(21_000), 6, 'search', 'tablet']]);
  }, 180_000);

  it('rejects invalid clickstream events with every reason and writes nothing invalid to the stream', async () => {
    // Prepare
    const before = (await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), CLICKSTREAM)).length;

    // Act
    const single = await cloud.fetch('/clickstream', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_id: 'u 1', event_timestamp: 'now', event_name: 'detail' }) });
    const singleBody = (await single.json()) as { code: string; message: string; violations: { path: string }[] };
    const batch = await postBatch([{ user_id: 'u1', event_timestamp: Date.now(), event_name: 'detail' }, { user_id: 'u1', event_name: 'detail' }, 'not an object']);
    const notABatch = await postBatch([]);
    const after = await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), CLICKSTREAM);

    // Assess
    expect({ status: single.status, code: singleBody.code, paths: singleBody.violations.map((v) => v.path).sort() }).toStrictEqual({
      status: 400,
      code: 'validation_failed',
      paths: ['$.event_timestamp', '$.user_id'],
    });
    expect({ status: batch.status, accepted: batch.body.accepted, results: batch.body.results.map((r) => r.error?.code ?? r.status) }).toStrictEqual({
      status: 200,
      accepted: 1,
      results: ['accepted', 'validation_failed', 'validation_failed'],
    });
    expect(notABatch.status).toBe(400);
    expect(after.length - before).toBe(1);
  }, 120_000);
});
