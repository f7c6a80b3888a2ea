import { utcDaysOf } from '../src/index.js';

const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

describe('utcDaysOf', () => {
  it.each([
    ['one instant', '2026-11-22T04:05:00.000Z', '2026-11-22T04:05:00.001Z', ['2026-11-22']],
    ['a day from midnight, to exclusive', '2026-11-22T00:00:00.000Z', '2026-11-23T00:00:00.000Z', ['2026-11-22']],
    ['a day and a millisecond', '2026-11-22T00:00:00.000Z', '2026-11-23T00:00:00.001Z', ['2026-11-22', '2026-11-23']],
    ['a Paris day, two UTC days', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', ['2026-03-28', '2026-03-29']],
    ['the turn of a year', '2026-12-31T12:00:00.000Z', '2027-01-02T00:00:00.000Z', ['2026-12-31', '2027-01-01']],
  ])('lists the days of %s', (_, from, to, expected) => {
    // Act
    const days = utcDaysOf(range(from, to));

    // Assess
    expect(days).toStrictEqual(expected);
  });

  it('lists 367 days for 366 days that do not start at midnight', () => {
    // Act
    const days = utcDaysOf(range('2025-11-21T10:00:00.000Z', '2026-11-22T10:00:00.000Z'));

    // Assess
    expect([days.length, days[0], days.at(-1)]).toStrictEqual([367, '2025-11-21', '2026-11-22']);
  });
});
