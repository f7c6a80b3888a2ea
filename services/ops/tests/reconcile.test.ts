import type { FailedEvent } from '@sdp/shared-streams';
import { parseReconciliationRequest } from '../src/domain/parseReconciliationRequest.js';
import { minutesStartingIn, reconcile, type ProgressItem } from '../src/domain/reconcile.js';

const ENRICH = 'sdp-enrich-dev-joinEvents';
const LAKE = 'sdp-lake-dev-landRawEvents';
const from = new Date('2026-11-22T10:00:00.000Z');
const to = new Date('2026-11-22T10:05:00.000Z');

const entry = (
  functionName: string,
  first: number,
  last: number,
  windows: Record<string, number>,
  writtenAt = '2026-11-22T10:06:00.000Z',
): ProgressItem => ({
  functionName,
  shardId: 'shardId-000000000000',
  firstSequence: String(first),
  lastSequence: String(last),
  windows,
  writtenAt,
});
const failedIn = (functionName: string, status: FailedEvent['status'], receivedAt: string) =>
  ({ function_name: functionName, status, received_at: receivedAt }) as FailedEvent;

describe('reconcile', () => {
  it('balances when every accepted record is processed, set aside or replayed', () => {
    // Prepare
    const accepted = new Map([
      ['2026-11-22T10:00', 5],
      ['2026-11-22T10:01', 3],
    ]);
    const progress = [
      entry(ENRICH, 1, 4, { '2026-11-22T10:00': 4 }),
      entry(ENRICH, 6, 8, { '2026-11-22T10:01': 2 }),
      entry(LAKE, 1, 9, { '2026-11-22T10:00': 5, '2026-11-22T10:01': 3 }),
    ];
    const failed = [
      failedIn(ENRICH, 'failed', '2026-11-22T10:00:31.000Z'),
      failedIn(ENRICH, 'replayed', '2026-11-22T10:01:02.000Z'),
      failedIn(LAKE, 'retrying', '2026-11-22T10:00:01.000Z'),
    ];

    // Act
    const result = reconcile({ from, to, consumers: [ENRICH, LAKE], accepted, progress, failed });

    // Assess
    expect(result.windows).toStrictEqual([
      {
        window: '2026-11-22T10:00',
        accepted: 5,
        consumers: {
          [ENRICH]: { processed: 4, failed: 1, in_flight: 0, status: 'balanced' },
          [LAKE]: { processed: 5, failed: 0, in_flight: 0, status: 'balanced' },
        },
      },
      {
        window: '2026-11-22T10:01',
        accepted: 3,
        consumers: {
          [ENRICH]: { processed: 3, failed: 0, in_flight: 0, status: 'balanced' },
          [LAKE]: { processed: 3, failed: 0, in_flight: 0, status: 'balanced' },
        },
      },
    ]);
    expect(result.totals).toStrictEqual({
      accepted: 8,
      consumers: {
        [ENRICH]: { processed: 7, failed: 1, in_flight: 0, status: 'balanced' },
        [LAKE]: { processed: 8, failed: 0, in_flight: 0, status: 'balanced' },
      },
    });
    expect(result.balanced).toBe(true);
  });

  it('shows records still in flight, and a record counted twice as over-counted', () => {
    // Prepare
    const accepted = new Map([['2026-11-22T10:02', 4]]);
    const progress = [
      entry(ENRICH, 1, 2, { '2026-11-22T10:02': 2 }),
      entry(LAKE, 1, 4, { '2026-11-22T10:02': 4 }),
      entry(LAKE, 5, 5, { '2026-11-22T10:02': 1 }),
    ];

    // Act
    const result = reconcile({ from, to, consumers: [ENRICH, LAKE], accepted, progress, failed: [] });

    // Assess
    expect(result.windows[0]!.consumers).toStrictEqual({
      [ENRICH]: { processed: 2, failed: 0, in_flight: 2, status: 'in_flight' },
      [LAKE]: { processed: 5, failed: 0, in_flight: -1, status: 'over_counted' },
    });
    expect(result.balanced).toBe(false);
  });

  it('counts a range delivered again once, by its latest entry, and leaves out minutes outside the range', () => {
    // (The range ends at 10:05:00 exactly, so the minute 10:05 is outside it.)
    // Prepare
    const accepted = new Map([
      ['2026-11-22T10:04', 6],
      ['2026-11-22T10:05', 9],
    ]);
    const progress = [
      entry(ENRICH, 10, 20, { '2026-11-22T10:04': 6 }, '2026-11-22T10:06:00.000Z'),
      entry(ENRICH, 15, 30, { '2026-11-22T10:04': 3, '2026-11-22T10:05': 9 }, '2026-11-22T10:05:00.000Z'),
    ];

    // Act
    const result = reconcile({ from, to, consumers: [ENRICH], accepted, progress, failed: [] });

    // Assess
    expect(result.windows).toStrictEqual([
      {
        window: '2026-11-22T10:04',
        accepted: 6,
        consumers: { [ENRICH]: { processed: 6, failed: 0, in_flight: 0, status: 'balanced' } },
      },
    ]);
    expect(result.superseded_entries).toBe(1);
  });
});

describe('parseReconciliationRequest', () => {
  it('defaults to the last hour and refuses a reversed or too long range', () => {
    // Prepare
    const now = new Date('2026-11-22T10:00:00.000Z');
    const problem = (query: Record<string, string>) => {
      try {
        parseReconciliationRequest(query, now);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };

    // Act
    const defaults = parseReconciliationRequest({}, now);

    // Assess
    expect(defaults).toStrictEqual({ from: new Date('2026-11-22T09:00:00.000Z'), to: now });
    expect(problem({ from: '2026-11-22T10:00:00Z', to: '2026-11-22T09:00:00Z' })).toBe("'from' must be before 'to'.");
    expect(problem({ from: '2026-11-20T10:00:00Z', to: '2026-11-22T10:00:00Z' })).toBe(
      'The range may be at most 24 hours (the stream keeps records that long).',
    );
  });
});

describe('minutesStartingIn', () => {
  it('includes the running minute of the end and the whole minute of the start', () => {
    // Act
    const inRange = minutesStartingIn(new Date('2026-11-22T09:34:55Z'), new Date('2026-11-22T10:34:55Z'));

    // Assess
    expect(
      ['2026-11-22T09:33', '2026-11-22T09:34', '2026-11-22T10:34', '2026-11-22T10:35', 'unknown'].map(inRange),
    ).toStrictEqual([false, true, true, false, false]);
  });
});
