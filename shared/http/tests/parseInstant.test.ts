import { parseInstant } from '../src/http/parseInstant.js';

describe('parseInstant', () => {
  it.each([
    ['UTC with Z', '2026-03-29T00:00:00Z', '2026-03-29T00:00:00.000Z'],
    ['milliseconds', '2026-11-22T04:05:00.123Z', '2026-11-22T04:05:00.123Z'],
    ['a positive offset', '2026-03-29T00:00:00+01:00', '2026-03-28T23:00:00.000Z'],
    ['a negative offset', '2026-11-01T00:00:00-04:00', '2026-11-01T04:00:00.000Z'],
    ['a half-hour offset', '2026-06-01T05:30:00+05:30', '2026-06-01T00:00:00.000Z'],
    ['lower-case t and z', '2026-03-29t00:00:00z', '2026-03-29T00:00:00.000Z'],
    ['no seconds', '2026-03-29T10:15Z', '2026-03-29T10:15:00.000Z'],
    ['a + that URL decoding turned into a space', '2026-03-29T00:00:00 01:00', '2026-03-28T23:00:00.000Z'],
    ['29 February of a leap year', '2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['microseconds, rounded up to the next millisecond', '2026-03-29T00:00:00.000001Z', '2026-03-29T00:00:00.001Z'],
    ['trailing zero digits, not rounded', '2026-03-29T00:00:00.123000Z', '2026-03-29T00:00:00.123Z'],
  ])('reads %s', (_, text, expected) => {
    // Act
    const instant = parseInstant(text);

    // Assess
    expect(instant?.toISOString()).toBe(expected);
  });

  it.each([
    ['a day without a time', '2026-03-29'],
    ['a time without an offset', '2026-03-29T00:00:00'],
    ['words', 'yesterday'],
    ['a number', '1774742400000'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 24', '2026-03-29T24:00:00Z'],
    ['a leap second', '2026-06-30T23:59:60Z'],
    ['an offset of 24 hours', '2026-03-29T00:00:00+24:00'],
    ['an empty string', ''],
    ['surrounding spaces', ' 2026-03-29T00:00:00Z'],
  ])('rejects %s', (_, text) => {
    // Act
    const instant = parseInstant(text);

    // Assess
    expect(instant).toBeUndefined();
  });
});
