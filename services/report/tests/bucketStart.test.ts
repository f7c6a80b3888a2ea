import { bucketStart } from '../src/domain/bucketStart.js';
import type { Period } from '../src/domain/types.js';
import { formatWithOffset } from '../src/domain/zonedTime.js';

/** The bucket start as an instant and as the report writes it in the zone. */
function bucketOf(instant: string, period: Period, timeZone: string): { start: string; period: string } {
  const start = bucketStart(new Date(instant), period, timeZone);
  return { start: start.toISOString(), period: formatWithOffset(start.getTime(), timeZone) };
}

describe('bucketStart', () => {
  describe('in UTC', () => {
    it.each([
      ['minute', '2026-11-22T04:05:59.999Z', '2026-11-22T04:05:00.000Z', '2026-11-22T04:05:00+00:00'],
      ['hour', '2026-11-22T04:05:00.000Z', '2026-11-22T04:00:00.000Z', '2026-11-22T04:00:00+00:00'],
      ['day', '2026-11-22T23:59:00.000Z', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00+00:00'],
      ['week', '2026-11-22T04:05:00.000Z', '2026-11-16T00:00:00.000Z', '2026-11-16T00:00:00+00:00'],
      ['month', '2026-11-22T04:05:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00+00:00'],
    ] as const)('starts the %s at its UTC boundary', (period, instant, start, label) => {
      // Act
      const bucket = bucketOf(instant, period, 'UTC');

      // Assess
      expect(bucket).toStrictEqual({ start, period: label });
    });

    it('starts a week on the Monday itself', () => {
      // Act
      const bucket = bucketOf('2026-11-16T00:00:00.000Z', 'week', 'UTC');

      // Assess
      expect(bucket).toStrictEqual({ start: '2026-11-16T00:00:00.000Z', period: '2026-11-16T00:00:00+00:00' });
    });

    it('starts the week of a Sunday on the Monday before, in the previous month', () => {
      // Act: Sunday 1 March 2026
      const bucket = bucketOf('2026-03-01T12:00:00.000Z', 'week', 'UTC');

      // Assess
      expect(bucket).toStrictEqual({ start: '2026-02-23T00:00:00.000Z', period: '2026-02-23T00:00:00+00:00' });
    });

    it('starts the ISO week of New Year in the previous year', () => {
      // Act: Friday 1 January 2027
      const bucket = bucketOf('2027-01-01T08:00:00.000Z', 'week', 'UTC');

      // Assess
      expect(bucket).toStrictEqual({ start: '2026-12-28T00:00:00.000Z', period: '2026-12-28T00:00:00+00:00' });
    });
  });

  describe('in Europe/Paris when clocks go forward (Sunday 29 March 2026, 02:00 → 03:00)', () => {
    it.each([
      [
        'the day, at midnight +01:00',
        '2026-03-29T12:00:00Z',
        'day',
        '2026-03-28T23:00:00.000Z',
        '2026-03-29T00:00:00+01:00',
      ],
      [
        'the day of its last minute, 23 hours later',
        '2026-03-29T21:59:00Z',
        'day',
        '2026-03-28T23:00:00.000Z',
        '2026-03-29T00:00:00+01:00',
      ],
      [
        'the next day, at midnight +02:00',
        '2026-03-29T22:00:00Z',
        'day',
        '2026-03-29T22:00:00.000Z',
        '2026-03-30T00:00:00+02:00',
      ],
      [
        'the hour before the jump',
        '2026-03-29T00:59:00Z',
        'hour',
        '2026-03-29T00:00:00.000Z',
        '2026-03-29T01:00:00+01:00',
      ],
      [
        'the hour after the jump, 03:00',
        '2026-03-29T01:00:00Z',
        'hour',
        '2026-03-29T01:00:00.000Z',
        '2026-03-29T03:00:00+02:00',
      ],
      [
        'the week, from Monday 23 March +01:00',
        '2026-03-29T20:00:00Z',
        'week',
        '2026-03-22T23:00:00.000Z',
        '2026-03-23T00:00:00+01:00',
      ],
      [
        'the month, from 1 March +01:00',
        '2026-03-31T21:00:00Z',
        'month',
        '2026-02-28T23:00:00.000Z',
        '2026-03-01T00:00:00+01:00',
      ],
      [
        'the next month, from 1 April +02:00',
        '2026-03-31T22:00:00Z',
        'month',
        '2026-03-31T22:00:00.000Z',
        '2026-04-01T00:00:00+02:00',
      ],
    ] as const)('starts %s', (_, instant, period, start, label) => {
      // Act
      const bucket = bucketOf(instant, period, 'Europe/Paris');

      // Assess
      expect(bucket).toStrictEqual({ start, period: label });
    });
  });

  describe('in Europe/Paris when clocks go back (Sunday 25 October 2026, 03:00 → 02:00)', () => {
    it.each([
      [
        'the day, at midnight +02:00, 25 hours long',
        '2026-10-25T22:59:00Z',
        'day',
        '2026-10-24T22:00:00.000Z',
        '2026-10-25T00:00:00+02:00',
      ],
      [
        'the first 02:00 hour, +02:00',
        '2026-10-25T00:30:00Z',
        'hour',
        '2026-10-25T00:00:00.000Z',
        '2026-10-25T02:00:00+02:00',
      ],
      [
        'the second 02:00 hour, +01:00, as its own bucket',
        '2026-10-25T01:30:00Z',
        'hour',
        '2026-10-25T01:00:00.000Z',
        '2026-10-25T02:00:00+01:00',
      ],
      [
        'a minute of the second 02:00 hour',
        '2026-10-25T01:59:30Z',
        'minute',
        '2026-10-25T01:59:00.000Z',
        '2026-10-25T02:59:00+01:00',
      ],
      [
        'the next week, from Monday 26 October +01:00',
        '2026-10-25T23:00:00Z',
        'week',
        '2026-10-25T23:00:00.000Z',
        '2026-10-26T00:00:00+01:00',
      ],
    ] as const)('starts %s', (_, instant, period, start, label) => {
      // Act
      const bucket = bucketOf(instant, period, 'Europe/Paris');

      // Assess
      expect(bucket).toStrictEqual({ start, period: label });
    });

    it('puts the last instant of Sunday in the week that began the Monday before', () => {
      // Act
      const bucket = bucketOf('2026-10-25T22:59:59.999Z', 'week', 'Europe/Paris');

      // Assess
      expect(bucket).toStrictEqual({ start: '2026-10-18T22:00:00.000Z', period: '2026-10-19T00:00:00+02:00' });
    });
  });

  describe('in America/New_York', () => {
    it.each([
      [
        'a UTC morning in the previous local day',
        '2026-03-08T03:00:00Z',
        'day',
        '2026-03-07T05:00:00.000Z',
        '2026-03-07T00:00:00-05:00',
      ],
      [
        'the day clocks go forward, at midnight -05:00',
        '2026-03-08T12:00:00Z',
        'day',
        '2026-03-08T05:00:00.000Z',
        '2026-03-08T00:00:00-05:00',
      ],
      [
        'the hour after clocks go forward, 03:00 -04:00',
        '2026-03-08T07:10:00Z',
        'hour',
        '2026-03-08T07:00:00.000Z',
        '2026-03-08T03:00:00-04:00',
      ],
      [
        'the first 01:00 hour when clocks go back',
        '2026-11-01T05:15:00Z',
        'hour',
        '2026-11-01T05:00:00.000Z',
        '2026-11-01T01:00:00-04:00',
      ],
      [
        'the second 01:00 hour when clocks go back',
        '2026-11-01T06:15:00Z',
        'hour',
        '2026-11-01T06:00:00.000Z',
        '2026-11-01T01:00:00-05:00',
      ],
      [
        'November, at midnight -04:00 before clocks go back',
        '2026-11-30T12:00:00Z',
        'month',
        '2026-11-01T04:00:00.000Z',
        '2026-11-01T00:00:00-04:00',
      ],
      [
        'October for a UTC instant already in November',
        '2026-11-01T03:59:00Z',
        'month',
        '2026-10-01T04:00:00.000Z',
        '2026-10-01T00:00:00-04:00',
      ],
      [
        'December, at midnight -05:00',
        '2026-12-01T05:00:00Z',
        'month',
        '2026-12-01T05:00:00.000Z',
        '2026-12-01T00:00:00-05:00',
      ],
      [
        'a week that spans a month boundary, from Monday 28 September',
        '2026-10-03T12:00:00Z',
        'week',
        '2026-09-28T04:00:00.000Z',
        '2026-09-28T00:00:00-04:00',
      ],
    ] as const)('starts %s', (_, instant, period, start, label) => {
      // Act
      const bucket = bucketOf(instant, period, 'America/New_York');

      // Assess
      expect(bucket).toStrictEqual({ start, period: label });
    });
  });

  describe('in zones with unusual offsets and changes', () => {
    it.each([
      [
        'a Kathmandu hour, at :15 UTC',
        '2026-06-01T10:10:00Z',
        'hour',
        'Asia/Kathmandu',
        '2026-06-01T09:15:00.000Z',
        '2026-06-01T15:00:00+05:45',
      ],
      [
        'a Santiago day whose midnight never happens, at 01:00',
        '2026-09-06T12:00:00Z',
        'day',
        'America/Santiago',
        '2026-09-06T04:00:00.000Z',
        '2026-09-06T01:00:00-03:00',
      ],
      [
        'a Lord Howe hour whose first half-hour never happens, at 02:30',
        '2026-10-03T15:45:00Z',
        'hour',
        'Australia/Lord_Howe',
        '2026-10-03T15:30:00.000Z',
        '2026-10-04T02:30:00+11:00',
      ],
    ] as const)('starts %s', (_, instant, period, timeZone, start, label) => {
      // Act
      const bucket = bucketOf(instant, period, timeZone);

      // Assess
      expect(bucket).toStrictEqual({ start, period: label });
    });
  });

  it('never starts a bucket after the instant it contains', () => {
    // Prepare: every 7 minutes across both 2026 Paris and New York changes
    const instants = Array.from({ length: 2000 }, (_, i) => Date.parse('2026-10-24T00:00:00Z') + i * 7 * 60_000);
    const combinations = (['minute', 'hour', 'day', 'week', 'month'] as const).flatMap((period) =>
      ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'].map((timeZone) => ({ period, timeZone })),
    );

    // Act
    const late = combinations.flatMap(({ period, timeZone }) =>
      instants
        .filter((instant) => bucketStart(new Date(instant), period, timeZone).getTime() > instant)
        .map((instant) => ({ period, timeZone, instant })),
    );

    // Assess
    expect(late).toStrictEqual([]);
  });
});
