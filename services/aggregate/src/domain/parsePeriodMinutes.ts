import { InvalidPeriodError } from './errors.js';

/**
 * The aggregation period from its setting: a whole number of minutes from 1 to 1440 (one day).
 *
 * @example
 * parsePeriodMinutes('5') // 5
 * parsePeriodMinutes('0.5') // throws InvalidPeriodError
 */
export function parsePeriodMinutes(value: string): number {
  const minutes = Number(value);
  if (!/^\d+$/.test(value.trim()) || minutes < 1 || minutes > 1440) throw new InvalidPeriodError(value);
  return minutes;
}
