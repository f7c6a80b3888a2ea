import { InvalidSettingError } from '@sdp/shared-runtime';
import { parsePeriodMinutes } from '../src/domain/parsePeriodMinutes.js';

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
    expect(act).toThrow(InvalidSettingError);
    expect(act).toThrow(
      value === ''
        ? 'AGGREGATION_PERIOD_MINUTES is not set; it must be a whole number of minutes from 1 to 1440.'
        : `AGGREGATION_PERIOD_MINUTES must be a whole number of minutes from 1 to 1440, got '${value}'.`,
    );
  });
});
