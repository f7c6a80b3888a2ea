import { InvalidPeriodError, InvalidSequenceNumberError } from '../src/domain/errors.js';
import { padSequenceNumber } from '../src/domain/padSequenceNumber.js';
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
    expect(act).toThrow(InvalidPeriodError);
    expect(act).toThrow(`AGGREGATION_PERIOD_MINUTES must be a whole number of minutes from 1 to 1440, got '${value}'.`);
  });
});

describe('padSequenceNumber', () => {
  it('pads to 129 digits so that string order is numeric order', () => {
    // Prepare
    const numbers = ['10', '9', '49590338271490256608559692538361571095921575989136588898', '100'];

    // Act
    const sorted = numbers.map(padSequenceNumber).sort();

    // Assess
    expect(sorted.map((padded) => [padded.length, padded.replace(/^0+/, '')])).toStrictEqual([
      [129, '9'],
      [129, '10'],
      [129, '100'],
      [129, '49590338271490256608559692538361571095921575989136588898'],
    ]);
  });

  it.each(['', '12a', '-1', '1'.repeat(130)])('rejects %p, which is no Kinesis sequence number', (value) => {
    // Act
    const act = () => padSequenceNumber(value);

    // Assess
    expect(act).toThrow(InvalidSequenceNumberError);
  });
});
