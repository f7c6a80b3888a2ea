import { listOrphans, type PendingEvents } from '../src/domain/listOrphans.js';
import type { EventTimeRange } from '../src/domain/types.js';

const now = new Date('2026-03-29T12:00:00.000Z');
const timeouts = { bidsSessionTimeoutMs: 5 * 60_000, clicksSessionTimeoutMs: 10 * 60_000 };

/** Pending events at the given event times, answered as the table would: in range, in time order. */
function pendingAt(impressions: Record<string, string>, clicks: Record<string, string>): PendingEvents {
  const sample = (events: Record<string, string>, range: EventTimeRange, limit: number) => {
    const inRange = Object.entries(events)
      .filter(([, at]) => new Date(at) >= range.from && new Date(at) < range.to)
      .sort(([, a], [, b]) => a.localeCompare(b))
      .map(([txId]) => txId);
    return Promise.resolve({ count: inRange.length, tx_ids: inRange.slice(0, limit) });
  };
  return {
    impressionsIn: (range, limit) => sample(impressions, range, limit),
    clicksIn: (range, limit) => sample(clicks, range, limit),
  };
}

describe('listOrphans', () => {
  it('counts only the unjoined events in range whose timeout has passed, each type with its own', async () => {
    // Prepare
    const pending = pendingAt(
      {
        'imp-old': '2026-03-29T11:30:00.000Z',
        'imp-edge': '2026-03-29T11:55:00.000Z',
        'imp-late': '2026-03-29T11:54:59.999Z',
        'imp-early': '2026-03-29T10:59:59.999Z',
      },
      { 'click-old': '2026-03-29T11:49:59.999Z', 'click-young': '2026-03-29T11:52:00.000Z' },
    );
    const request = { from: new Date('2026-03-29T11:00:00.000Z'), to: new Date('2026-03-29T13:00:00.000Z'), limit: 1 };

    // Act
    const report = await listOrphans(request, { pending, timeouts, now });

    // Assess
    expect(report).toStrictEqual({
      from: '2026-03-29T11:00:00.000Z',
      to: '2026-03-29T13:00:00.000Z',
      impressions: { count: 2, tx_ids: ['imp-old'] },
      clicks: { count: 1, tx_ids: ['click-old'] },
    });
  });

  it('does not ask the table when nothing in the range is old enough', async () => {
    // Prepare
    const asked: string[] = [];
    const pending: PendingEvents = {
      impressionsIn: () => (asked.push('impressions'), Promise.resolve({ count: 9, tx_ids: [] })),
      clicksIn: () => (asked.push('clicks'), Promise.resolve({ count: 9, tx_ids: [] })),
    };
    const request = {
      from: new Date('2026-03-29T11:57:00.000Z'),
      to: new Date('2026-03-29T12:30:00.000Z'),
      limit: 100,
    };

    // Act
    const report = await listOrphans(request, { pending, timeouts, now });

    // Assess
    expect({ report, asked }).toStrictEqual({
      report: {
        from: '2026-03-29T11:57:00.000Z',
        to: '2026-03-29T12:30:00.000Z',
        impressions: { count: 0, tx_ids: [] },
        clicks: { count: 0, tx_ids: [] },
      },
      asked: [],
    });
  });
});
