import { InvalidPeriodError, InvalidRetentionError } from '../src/domain/errors.js';
import { parsePeriodMinutes } from '../src/domain/parsePeriodMinutes.js';
import { parseRetentionMinutes } from '../src/domain/parseRetentionMinutes.js';

describe('parsePeriodMinutes', () => {
  it.each([
    ['1', 1],
    ['5', 5],
    ['60', 60],
    ['1440', 1440],
  ])('reads %s minutes', (value, minutes) => {
    // Act
    const period = parsePeriodMinutes(value);

    // Assess
    expect(period).toBe(minutes);
  });

  it.each(['0', '1441', '0.5', '-5', '', 'five'])('rejects %p with a message that says what is allowed', (value) => {
    // Act
    const act = () => parsePeriodMinutes(value);

    // Assess
    expect(act).toThrow(InvalidPeriodError);
    expect(act).toThrow(`AGGREGATION_PERIOD_MINUTES must be a whole number of minutes from 1 to 1440, got '${value}'.`);
  });
});

describe('parseRetentionMinutes', () => {
  it.each([
    ['1440', 86_400_000],
    ['2880', 172_800_000],
  ])('reads %s minutes as milliseconds', (value, ms) => {
    // Act
    const retention = parseRetentionMinutes(value);

    // Assess
    expect(retention).toBe(ms);
  });

  it.each(['60', '1439', '2880.5', '', '48h'])('rejects %p with a message that says what is allowed', (value) => {
    // Act
    const act = () => parseRetentionMinutes(value);

    // Assess
    expect(act).toThrow(InvalidRetentionError);
    expect(act).toThrow(`COUNTED_EVENTS_RETENTION_MINUTES must be a whole number of minutes, at least 1440 (one day; ADR 0005 says why the default is 2880), got '${value}'.`);
  });
});
