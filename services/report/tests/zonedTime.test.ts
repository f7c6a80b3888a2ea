import { formatWithOffset, instantOfWallTime, offsetAt, wallClockOf } from '../src/domain/zonedTime.js';

const HOUR_MS = 3_600_000;

describe('wallClockOf', () => {
  it('answers the local date and time, with midnight as hour 0', () => {
    // Act
    const wallClock = wallClockOf(Date.parse('2026-03-28T23:00:00Z'), 'Europe/Paris');

    // Assess
    expect(wallClock).toStrictEqual({ year: 2026, month: 3, day: 29, hour: 0, minute: 0, second: 0 });
  });
});

describe('offsetAt', () => {
  it.each([
    ['Paris in winter', '2026-01-15T12:00:00Z', 'Europe/Paris', 1 * HOUR_MS],
    ['Paris in summer', '2026-07-15T12:00:00Z', 'Europe/Paris', 2 * HOUR_MS],
    ['Paris the instant clocks go forward', '2026-03-29T01:00:00Z', 'Europe/Paris', 2 * HOUR_MS],
    ['Paris a millisecond before', '2026-03-29T00:59:59.999Z', 'Europe/Paris', 1 * HOUR_MS],
    ['New York in winter', '2026-01-15T12:00:00Z', 'America/New_York', -5 * HOUR_MS],
    ['Kathmandu', '2026-01-15T12:00:00Z', 'Asia/Kathmandu', 5.75 * HOUR_MS],
    ['UTC', '2026-01-15T12:00:00Z', 'UTC', 0],
  ])('answers the offset of %s', (_, instant, timeZone, expected) => {
    // Act
    const offset = offsetAt(Date.parse(instant), timeZone);

    // Assess
    expect(offset).toBe(expected);
  });
});

describe('instantOfWallTime', () => {
  it.each([
    ['an ordinary wall time', Date.UTC(2026, 0, 15, 9, 0), 'Europe/Paris', '2026-01-15T08:00:00.000Z'],
    [
      'the earlier of a wall time that happens twice',
      Date.UTC(2026, 9, 25, 2, 30),
      'Europe/Paris',
      '2026-10-25T00:30:00.000Z',
    ],
    [
      'the end of the jump for a wall time that never happens',
      Date.UTC(2026, 2, 29, 2, 30),
      'Europe/Paris',
      '2026-03-29T01:00:00.000Z',
    ],
    [
      'the first instant of a day whose midnight never happens',
      Date.UTC(2026, 8, 6),
      'America/Santiago',
      '2026-09-06T04:00:00.000Z',
    ],
    ['New York midnight in summer', Date.UTC(2026, 6, 1), 'America/New_York', '2026-07-01T04:00:00.000Z'],
  ])('finds %s', (_, wallTime, timeZone, expected) => {
    // Act
    const instant = instantOfWallTime(wallTime, timeZone);

    // Assess
    expect(new Date(instant).toISOString()).toBe(expected);
  });
});

describe('formatWithOffset', () => {
  it.each([
    ['UTC as +00:00', '2026-03-29T00:00:00Z', 'UTC', '2026-03-29T00:00:00+00:00'],
    ['Paris before clocks go forward', '2026-03-28T23:00:00Z', 'Europe/Paris', '2026-03-29T00:00:00+01:00'],
    ['Paris after clocks go forward', '2026-03-29T01:00:00Z', 'Europe/Paris', '2026-03-29T03:00:00+02:00'],
    [
      'the first 02:30 of Paris when clocks go back',
      '2026-10-25T00:30:00Z',
      'Europe/Paris',
      '2026-10-25T02:30:00+02:00',
    ],
    [
      'the second 02:30 of Paris when clocks go back',
      '2026-10-25T01:30:00Z',
      'Europe/Paris',
      '2026-10-25T02:30:00+01:00',
    ],
    ['a negative offset', '2026-11-01T04:00:00Z', 'America/New_York', '2026-11-01T00:00:00-04:00'],
    ['a quarter-hour offset', '2026-01-01T00:00:00Z', 'Asia/Kathmandu', '2026-01-01T05:45:00+05:45'],
    [
      'an offset with seconds (Paris mean time)',
      '1900-01-01T00:00:00Z',
      'Europe/Paris',
      '1900-01-01T00:09:21+00:09:21',
    ],
  ])('writes %s', (_, instant, timeZone, expected) => {
    // Act
    const text = formatWithOffset(Date.parse(instant), timeZone);

    // Assess
    expect(text).toBe(expected);
  });
});
