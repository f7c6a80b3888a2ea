import { InvalidSettingError } from './errors.js';

/**
 * Reads a setting the function cannot run without; fails at cold start, not at the first request.
 *
 * @example
 * const streamName = requiredEnv('RAW_EVENTS_STREAM_NAME');
 */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '')
    throw new InvalidSettingError(name, '', "set: the function's serverless.yml declares it");
  return value;
}
