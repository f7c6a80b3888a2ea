import type { PutOutcome, StreamRecord } from '@sdp/shared-streams';
import { publishSessionChanges } from '../src/domain/publishSessionChanges.js';
import type { RecentSession, UserSessions } from '../src/domain/types.js';
import { toStateImage } from '../src/domain/userStateImage.js';
import { T0 } from './support/clickRecords.js';

const session = (sessionNo: number, overrides: Partial<RecentSession> = {}): RecentSession => ({
  userId: 'u1',
  sessionNo,
  status: 'active',
  startMs: T0,
  endMs: T0 + 3_000,
  eventCount: 2,
  deviceType: 'mobile',
  entryKey: `${T0}#navigate#click`,
  entryEvent: 'navigate',
  exitKey: `${T0 + 3_000}#detail#click`,
  exitEvent: 'detail',
  updatedAt: '2026-11-22T10:00:04.000Z',
  eventKeys: [`${T0}#navigate#click`, `${T0 + 3_000}#detail#click`],
  ...overrides,
});
const stateImage = (recent: RecentSession[], merged: UserSessions['merged'] = [], version = 2) =>
  toStateImage({
    userId: 'u1',
    lastSessionNo: 3,
    horizonMs: 0,
    version,
    recent,
    merged,
    positions: {},
    skipped: [],
    rate: [],
  });
const published = (written: StreamRecord[]) =>
  written.map((r) => [r.partitionKey, JSON.parse(Buffer.from(r.data).toString('utf8'))]);

describe('publishSessionChanges', () => {
  let written: StreamRecord[];
  const write = async (records: readonly StreamRecord[]): Promise<PutOutcome[]> => {
    written.push(...records);
    return records.map((_, i) => ({ ok: true, shardId: 'shardId-000000000000', sequenceNumber: String(i) }));
  };

  beforeEach(() => {
    written = [];
  });

  it('publishes the sessions a state write created or changed, and those it merged, leaving out unchanged ones, archives and removals', async () => {
    // Prepare: session 1 unchanged, 2 extended, 3 new, 4 merged into 2
    const before = stateImage(
      [session(1), session(2, { startMs: T0 + 20_000 }), session(4, { startMs: T0 + 40_000, endMs: T0 + 41_000 })],
      [],
      1,
    );
    const after = stateImage(
      [
        session(1),
        session(2, { startMs: T0 + 20_000, endMs: T0 + 41_000, eventCount: 5, updatedAt: '2026-11-22T10:01:00.000Z' }),
        session(3, { startMs: T0 + 90_000, endMs: T0 + 90_000, eventCount: 1, updatedAt: '2026-11-22T10:01:00.000Z' }),
      ],
      [{ sessionNo: 4, into: 2 }],
    );
    const archive = { user_id: 'u1', session_no: 4, status: 'merged', merged_into: 'u1_2' };

    // Act
    const result = await publishSessionChanges(
      [
        { sequenceNumber: '1', newImage: after, oldImage: before },
        { sequenceNumber: '2', newImage: archive },
        { sequenceNumber: '3' },
      ],
      { write, log: () => undefined },
    );

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], published: 3, skipped: 2 });
    const common = { user_id: 'u1', device_type: 'mobile', entry_event: 'navigate', exit_event: 'detail' };
    expect(published(written)).toStrictEqual([
      [
        'u1',
        {
          session_id: 'u1_2',
          ...common,
          status: 'active',
          start: '2026-11-22T10:00:20.000Z',
          end: '2026-11-22T10:00:41.000Z',
          duration_ms: 21_000,
          event_count: 5,
          updated_at: '2026-11-22T10:01:00.000Z',
        },
      ],
      [
        'u1',
        {
          session_id: 'u1_3',
          ...common,
          status: 'active',
          start: '2026-11-22T10:01:30.000Z',
          end: '2026-11-22T10:01:30.000Z',
          duration_ms: 0,
          event_count: 1,
          updated_at: '2026-11-22T10:01:00.000Z',
        },
      ],
      [
        'u1',
        {
          session_id: 'u1_4',
          ...common,
          status: 'merged',
          merged_into: 'u1_2',
          start: '2026-11-22T10:00:40.000Z',
          end: '2026-11-22T10:00:41.000Z',
          duration_ms: 1_000,
          event_count: 2,
          updated_at: '2026-11-22T10:01:00.000Z',
        },
      ],
    ]);
  });

  it("publishes every recent session of a user's first state", async () => {
    // Act
    const result = await publishSessionChanges([{ sequenceNumber: '1', newImage: stateImage([session(1)], [], 1) }], {
      write,
      log: () => undefined,
    });

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], published: 1, skipped: 0 });
    expect(published(written).map(([key, s]) => [key, s.session_id, s.status])).toStrictEqual([
      ['u1', 'u1_1', 'active'],
    ]);
  });

  it('returns the changes the stream did not take for re-delivery, and skips a session that breaks the contract', async () => {
    // Prepare
    const logged: string[] = [];
    const refuse = async (records: readonly StreamRecord[]): Promise<PutOutcome[]> =>
      records.map(() => ({
        ok: false,
        errorCode: 'ProvisionedThroughputExceededException',
        errorMessage: 'slow down',
        retryable: true,
      }));

    // Act
    const result = await publishSessionChanges(
      [
        { sequenceNumber: '7', newImage: stateImage([session(1)], [], 1) },
        { sequenceNumber: '8', newImage: stateImage([session(2, { entryEvent: 'Not A Name' })], [], 1) },
      ],
      { write: refuse, log: (message) => logged.push(message) },
    );

    // Assess
    expect(result).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: '7' }],
      published: 0,
      skipped: 1,
      transient: true,
    });
    expect(logged).toStrictEqual([
      'skipped a session that breaks the Session contract',
      'the sessions stream did not take a session; it will be re-delivered',
    ]);
  });
});
