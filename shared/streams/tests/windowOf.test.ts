import { windowOf } from '../src/windows/windowOf.js';

describe('windowOf', () => {
  it.each([
    [1, '2026-11-22T04:05:06.789Z', '2026-11-22T04:05:00.000Z', '2026-11-22T04:06:00.000Z'],
    [5, '2026-11-22T04:07:59.999Z', '2026-11-22T04:05:00.000Z', '2026-11-22T04:10:00.000Z'],
    [60, '2026-11-22T04:59:59.999Z', '2026-11-22T04:00:00.000Z', '2026-11-22T05:00:00.000Z'],
  ])('puts an event in its %i-minute window', (period, eventTime, windowStart, windowEnd) => {
    // Act
    const window = windowOf(eventTime, period);

    // Assess
    expect(window).toStrictEqual({ windowStart, windowEnd, windowDay: '2026-11-22' });
  });

  it.each([1, 5, 60])('opens the next %i-minute window with an event exactly on its boundary', (period) => {
    // Act
    const window = windowOf('2026-11-22T05:00:00.000Z', period);

    // Assess
    const end = new Date(Date.parse('2026-11-22T05:00:00.000Z') + period * 60_000).toISOString();
    expect(window).toStrictEqual({ windowStart: '2026-11-22T05:00:00.000Z', windowEnd: end, windowDay: '2026-11-22' });
  });

  it('cuts windows in UTC whatever offset the event time is written with', () => {
    // Act
    const window = windowOf('2026-11-23T01:30:00.000+02:00', 60);

    // Assess
    expect(window).toStrictEqual({
      windowStart: '2026-11-22T23:00:00.000Z',
      windowEnd: '2026-11-23T00:00:00.000Z',
      windowDay: '2026-11-22',
    });
  });

  it('gives the last window of a day that day, though it ends on the next', () => {
    // Act
    const window = windowOf('2026-12-31T23:59:30.000Z', 1);

    // Assess
    expect(window).toStrictEqual({
      windowStart: '2026-12-31T23:59:00.000Z',
      windowEnd: '2027-01-01T00:00:00.000Z',
      windowDay: '2026-12-31',
    });
  });

  it('rejects a time that is not a date-time', () => {
    // Act
    const act = () => windowOf('yesterday', 1);

    // Assess
    expect(act).toThrow(new RangeError("'yesterday' is not a date-time"));
  });
});
