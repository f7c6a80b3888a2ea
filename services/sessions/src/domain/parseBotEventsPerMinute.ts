import { readNumberSetting } from '@sdp/shared-runtime';

/**
 * Reads the rate past which sessions takes a user for a bot (`BOT_EVENTS_PER_MINUTE`: distinct events
 * in one minute of event time, a whole number from 10 to 100,000; `screenEventRate`).
 *
 * @example
 * parseBotEventsPerMinute('120') // 120
 */
export function parseBotEventsPerMinute(value: string): number {
  return readNumberSetting('BOT_EVENTS_PER_MINUTE', value, {
    min: 10,
    max: 100_000,
    integer: true,
    unit: 'events a minute',
  });
}
