import { MINUTE_MS } from './constants.js';
import { InvalidDemandSettingError } from './errors.js';

export interface DemandSettings {
  /** Length of a product window, in minutes (1 to 1440) */
  periodMinutes: number;
  /** How long a counted event's key is kept, in milliseconds (at least a day) */
  retentionMs: number;
}

/**
 * Checks the service's settings as they come from the environment.
 *
 * @example
 * parseDemandSettings({ periodMinutes: '1', retentionMinutes: '2880' }) // { periodMinutes: 1, retentionMs: 172800000 }
 * parseDemandSettings({ periodMinutes: '0', retentionMinutes: '2880' }) // throws InvalidDemandSettingError
 */
export function parseDemandSettings(settings: { periodMinutes: string; retentionMinutes: string }): DemandSettings {
  const periodMinutes = wholeNumber(settings.periodMinutes);
  if (periodMinutes === undefined || periodMinutes < 1 || periodMinutes > 1440) {
    throw new InvalidDemandSettingError('PRODUCT_WINDOW_MINUTES', settings.periodMinutes, 'a whole number of minutes from 1 to 1440');
  }
  const retentionMinutes = wholeNumber(settings.retentionMinutes);
  if (retentionMinutes === undefined || retentionMinutes < 1440) {
    throw new InvalidDemandSettingError('COUNTED_EVENTS_RETENTION_MINUTES', settings.retentionMinutes, 'a whole number of minutes, at least 1440 (one day)');
  }
  return { periodMinutes, retentionMs: retentionMinutes * MINUTE_MS };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
