import { MINUTE_MS } from './constants.js';
import { InvalidRetentionError } from './errors.js';

const DAY_MINUTES = 1440;

/**
 * How long counted event keys are kept, in milliseconds, from its setting in minutes: a whole
 * number of at least one day, since a copy of an event forgotten earlier would be counted again.
 *
 * @example
 * parseRetentionMinutes('2880') // 172800000
 * parseRetentionMinutes('60') // throws InvalidRetentionError
 */
export function parseRetentionMinutes(value: string): number {
  const minutes = Number(value);
  if (!/^\d+$/.test(value.trim()) || minutes < DAY_MINUTES) throw new InvalidRetentionError(value);
  return minutes * MINUTE_MS;
}
