import { DEFAULT_SIGNALS_PER_SHOPPER } from './constants.js';
import { InvalidDemandSettingError } from './errors.js';

export interface DemandSettings {
  /** Length of a product window, in minutes (1 to 1440) */
  periodMinutes: number;
  /** The most views, carts, checkouts and purchases (each) one shopper adds to one product window */
  signalsPerShopper: number;
}

/**
 * Checks the service's settings as they come from the environment; an empty or absent
 * `signalsPerShopper` is `DEFAULT_SIGNALS_PER_SHOPPER`.
 *
 * @example
 * parseDemandSettings({ periodMinutes: '1', signalsPerShopper: '' }) // { periodMinutes: 1, signalsPerShopper: 5 }
 * parseDemandSettings({ periodMinutes: '0' }) // throws InvalidDemandSettingError
 */
export function parseDemandSettings(settings: { periodMinutes: string; signalsPerShopper?: string }): DemandSettings {
  const periodMinutes = wholeNumber(settings.periodMinutes);
  if (periodMinutes === undefined || periodMinutes < 1 || periodMinutes > 1440) {
    throw new InvalidDemandSettingError(
      'PRODUCT_WINDOW_MINUTES',
      settings.periodMinutes,
      'a whole number of minutes from 1 to 1440',
    );
  }
  const signalsText = settings.signalsPerShopper ?? '';
  const signalsPerShopper = signalsText.trim() === '' ? DEFAULT_SIGNALS_PER_SHOPPER : wholeNumber(signalsText);
  if (signalsPerShopper === undefined || signalsPerShopper < 1) {
    throw new InvalidDemandSettingError(
      'SHOPPER_SIGNALS_PER_WINDOW',
      signalsText,
      `a whole number of at least 1, or empty for ${DEFAULT_SIGNALS_PER_SHOPPER}`,
    );
  }
  return { periodMinutes, signalsPerShopper };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
