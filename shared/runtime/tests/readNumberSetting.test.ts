import { InvalidSettingError, readNumberSetting } from '../src/index.js';

describe('readNumberSetting', () => {
  it('reads numbers within the rule, and the fallback for an empty or absent setting', () => {
    // Act
    const values = [
      readNumberSetting('A', '1800', { min: 1, max: 86_400, unit: 'seconds' }),
      readNumberSetting('B', ' 2.5 ', { above: 0 }),
      readNumberSetting('C', '', { min: 1, integer: true, fallback: 5 }),
      readNumberSetting('D', undefined, { min: 1, integer: true, fallback: 7 }),
    ];

    // Assess
    expect(values).toStrictEqual([1800, 2.5, 5, 7]);
  });

  it.each([
    [
      'PERIOD',
      '0',
      { min: 1, max: 1440, integer: true, unit: 'minutes' },
      "PERIOD must be a whole number of minutes from 1 to 1440, got '0'.",
    ],
    [
      'PERIOD',
      '1.5',
      { min: 1, max: 1440, integer: true, unit: 'minutes' },
      "PERIOD must be a whole number of minutes from 1 to 1440, got '1.5'.",
    ],
    ['TIMEOUT', '-1', { above: 0, unit: 'minutes' }, "TIMEOUT must be a positive number of minutes, got '-1'."],
    [
      'THREADS',
      'two',
      { min: 1, integer: true, fallback: 2 },
      "THREADS must be a whole number of at least 1, or empty for 2, got 'two'.",
    ],
    ['RATIO', '1e3', { min: 0, max: 1 }, "RATIO must be a number from 0 to 1, got '1e3'."],
    [
      'NEEDED',
      '',
      { min: 1, because: 'it is a count' },
      'NEEDED is not set; it must be a number of at least 1 (it is a count).',
    ],
  ] as const)('refuses %s=%p, naming the setting and what it accepts', (name, text, rule, message) => {
    // Act
    const act = () => readNumberSetting(name, text, rule);

    // Assess
    expect(act).toThrow(InvalidSettingError);
    expect(act).toThrow(message);
  });
});
