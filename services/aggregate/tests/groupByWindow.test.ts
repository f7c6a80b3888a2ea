import { countIncrements } from '../src/domain/countIncrements.js';
import { groupByWindow } from '../src/domain/groupByWindow.js';
import { eventKeyOf } from '../src/domain/eventKeyOf.js';
import type { CountableRecord, EnrichedEvent } from '../src/domain/types.js';
import { enrichedEvent, sequenceOf } from './support/enrichedEvents.js';

function countable(n: number, event: EnrichedEvent): CountableRecord {
  return { sequenceNumber: sequenceOf(n), eventKey: eventKeyOf(event), event };
}

describe('countIncrements', () => {
  it('counts each type and sums the win price of impressions as spend', () => {
    // Prepare
    const events = [
      enrichedEvent({ type: 'bid' }),
      enrichedEvent({ type: 'imp', win_price: 1250 }),
      enrichedEvent({ type: 'imp', win_price: 7 }),
      enrichedEvent({ type: 'click', win_price: 1250 }),
      enrichedEvent({ type: 'bid' }),
    ];

    // Act
    const increments = countIncrements(events);

    // Assess
    expect(increments).toStrictEqual({ bids: 2, impressions: 2, clicks: 1, spend: 1257 });
  });

  it('adds nothing for no events', () => {
    // Act
    const increments = countIncrements([]);

    // Assess
    expect(increments).toStrictEqual({ bids: 0, impressions: 0, clicks: 0, spend: 0 });
  });
});

describe('eventKeyOf', () => {
  it('keys a logical event by its transaction and type, whatever record carries it', () => {
    // Prepare
    const original = enrichedEvent({ tx_id: 'tx-42', type: 'imp', win_price: 3 });
    const reEmitted = { ...original, event_id: '00000000-0000-4000-8000-000000000099' };

    // Act
    const keys = [original, reEmitted, enrichedEvent({ tx_id: 'tx-42', type: 'click' })].map(eventKeyOf);

    // Assess
    expect(keys).toStrictEqual(['tx-42#imp', 'tx-42#imp', 'tx-42#click']);
  });
});

describe('groupByWindow', () => {
  it('groups by campaign and window, keeping batch order inside each group and first-seen order of groups', () => {
    // Prepare
    const a0 = countable(0, enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:10.000Z' }));
    const b1 = countable(1, enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-22T04:05:20.000Z' }));
    const a2 = countable(2, enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:06:00.000Z' }));
    const a3 = countable(3, enrichedEvent({ campaign_item_id: 1, event_time: '2026-11-22T04:05:59.999Z', type: 'click' }));
    const late = countable(4, enrichedEvent({ campaign_item_id: 2, event_time: '2026-11-21T23:59:00.000Z' }));

    // Act
    const groups = groupByWindow([a0, b1, a2, a3, late], 1);

    // Assess
    const window = (start: string, end: string, day = '2026-11-22') => ({ windowStart: start, windowEnd: end, windowDay: day });
    expect(groups).toStrictEqual([
      { campaignItemId: 1, periodMinutes: 1, ...window('2026-11-22T04:05:00.000Z', '2026-11-22T04:06:00.000Z'), records: [a0, a3] },
      { campaignItemId: 2, periodMinutes: 1, ...window('2026-11-22T04:05:00.000Z', '2026-11-22T04:06:00.000Z'), records: [b1] },
      { campaignItemId: 1, periodMinutes: 1, ...window('2026-11-22T04:06:00.000Z', '2026-11-22T04:07:00.000Z'), records: [a2] },
      {
        campaignItemId: 2,
        periodMinutes: 1,
        ...window('2026-11-21T23:59:00.000Z', '2026-11-22T00:00:00.000Z', '2026-11-21'),
        records: [late],
      },
    ]);
  });

  it('puts the same events in fewer groups with a longer period', () => {
    // Prepare
    const records = [0, 1, 2, 3].map((n) => countable(n, enrichedEvent({ event_time: `2026-11-22T04:0${5 + n}:00.000Z` })));

    // Act
    const groups = groupByWindow(records, 5);

    // Assess
    expect(groups.map((g) => [g.windowStart, g.records.map((r) => r.sequenceNumber)])).toStrictEqual([
      ['2026-11-22T04:05:00.000Z', [sequenceOf(0), sequenceOf(1), sequenceOf(2), sequenceOf(3)]],
    ]);
  });
});
