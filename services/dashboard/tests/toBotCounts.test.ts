import { toBotCounts } from '../src/domain/toBotCounts.js';

describe('toBotCounts', () => {
  it("sums each kind's hours, reads numbers sent as strings, and leaves kinds without rows at zero", () => {
    // Act
    const counts = toBotCounts([
      { kind: 'clickstream', hour: '2026-12-07T09:00:00Z', human_events: 120, bot_events: 6 },
      { kind: 'clickstream', hour: '2026-12-07T10:00:00Z', human_events: '30', bot_events: '2' },
      { kind: 'clicks', hour: '2026-12-07T10:00:00Z', human_events: 9, bot_events: 1 },
      { kind: 'unknown', hour: '2026-12-07T10:00:00Z', human_events: 5, bot_events: 5 },
    ]);

    // Assess
    expect(counts).toStrictEqual({
      clickstream: { human: 150, bot: 8 },
      impressions: { human: 0, bot: 0 },
      clicks: { human: 9, bot: 1 },
    });
  });
});
