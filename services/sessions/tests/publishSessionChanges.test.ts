import type { PutOutcome, StreamRecord } from '@sdp/shared';
import { publishSessionChanges } from '../src/domain/publishSessionChanges.js';
import { T0 } from './support/clickRecords.js';

const sessionItem = (sessionNo: number, overrides: Record<string, unknown> = {}) => ({
  user_id: 'u1',
  session_no: sessionNo,
  session_id: `u1_${sessionNo}`,
  status: 'active',
  start_ms: T0,
  end_ms: T0 + 3_000,
  event_count: 2,
  device_type: 'mobile',
  entry_key: `${T0}#navigate#click`,
  entry_event: 'navigate',
  exit_key: `${T0 + 3_000}#detail#click`,
  exit_event: 'detail',
  updated_at: '2026-11-22T10:00:04.000Z',
  ...overrides,
});

describe('publishSessionChanges', () => {
  it('publishes each session version as a Session keyed by user, leaving out users\' state items and removals', async () => {
    // Prepare
    const written: StreamRecord[] = [];
    const write = async (records: readonly StreamRecord[]): Promise<PutOutcome[]> => {
      written.push(...records);
      return records.map((_, i) => ({ ok: true, shardId: 'shardId-000000000000', sequenceNumber: String(i) }));
    };

    // Act
    const result = await publishSessionChanges(
      [
        { sequenceNumber: '1', newImage: { user_id: 'u1', session_no: 0, last_session_no: 2, version: 3, recent: '[]', horizon_ms: 0 } },
        { sequenceNumber: '2', newImage: sessionItem(1) },
        { sequenceNumber: '3', newImage: sessionItem(2, { status: 'merged', merged_into: 'u1_1' }) },
        { sequenceNumber: '4' },
      ],
      { write, log: () => undefined },
    );

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], published: 2, skipped: 2 });
    expect(written.map((r) => [r.partitionKey, JSON.parse(Buffer.from(r.data).toString('utf8'))])).toStrictEqual([
      ['u1', { session_id: 'u1_1', user_id: 'u1', status: 'active', start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T10:00:03.000Z', duration_ms: 3_000, event_count: 2, device_type: 'mobile', entry_event: 'navigate', exit_event: 'detail', updated_at: '2026-11-22T10:00:04.000Z' }],
      ['u1', { session_id: 'u1_2', user_id: 'u1', status: 'merged', merged_into: 'u1_1', start: '2026-11-22T10:00:00.000Z', end: '2026-11-22T10:00:03.000Z', duration_ms: 3_000, event_count: 2, device_type: 'mobile', entry_event: 'navigate', exit_event: 'detail', updated_at: '2026-11-22T10:00:04.000Z' }],
    ]);
  });

  it('returns the changes the stream did not take for re-delivery, and skips a session that breaks the contract', async () => {
    // Prepare
    const logged: string[] = [];
    const write = async (records: readonly StreamRecord[]): Promise<PutOutcome[]> => records.map(() => ({ ok: false, errorCode: 'ProvisionedThroughputExceededException', errorMessage: 'slow down' }));

    // Act
    const result = await publishSessionChanges([{ sequenceNumber: '7', newImage: sessionItem(1) }, { sequenceNumber: '8', newImage: sessionItem(2, { entry_event: 'Not A Name' }) }], { write, log: (message) => logged.push(message) });

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [{ itemIdentifier: '7' }], published: 0, skipped: 1 });
    expect(logged).toStrictEqual(['skipped a session that breaks the Session contract', 'the sessions stream did not take a session; it will be re-delivered']);
  });
});
