import { InvalidDemandSettingError } from './errors.js';

export interface DemandSettings {
  /** Length of a product window, in minutes (1 to 1440) */
  periodMinutes: number;
}

/**
 * Checks the service's settings as they come from the environment.
 *
 * @example
 * parseDemandSettings({ periodMinutes: '1' }) // { periodMinutes: 1 }
 * parseDemandSettings({ periodMinutes: '0' }) // throws InvalidDemandSettingError
 */
export function parseDemandSettings(settings: { periodMinutes: string }): DemandSettings {
  const periodMinutes = wholeNumber(settings.periodMinutes);
  if (periodMinutes === undefined || periodMinutes < 1 || periodMinutes > 1440) {
    throw new InvalidDemandSettingError('PRODUCT_WINDOW_MINUTES', settings.periodMinutes, 'a whole number of minutes from 1 to 1440');
  }
  return { periodMinutes };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
