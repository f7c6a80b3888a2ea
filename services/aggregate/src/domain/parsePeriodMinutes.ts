import { readNumberSetting } from '@sdp/shared-runtime';

/**
 * The aggregation period from its setting: a whole number of minutes from 1 to 1440 (one day).
 *
 * @example
 * parsePeriodMinutes('5') // 5
 * parsePeriodMinutes('0.5') // throws InvalidSettingError
 */
export function parsePeriodMinutes(value: string): number {
  return readNumberSetting('AGGREGATION_PERIOD_MINUTES', value, { min: 1, max: 1440, integer: true, unit: 'minutes' });
}
