import { DEFAULT_SIGNALS_PER_SHOPPER } from './constants.js';
import { readNumberSetting } from '@sdp/shared-runtime';

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
 * parseDemandSettings({ periodMinutes: '0' }) // throws InvalidSettingError
 */
export function parseDemandSettings(settings: { periodMinutes: string; signalsPerShopper?: string }): DemandSettings {
  const periodMinutes = readNumberSetting('PRODUCT_WINDOW_MINUTES', settings.periodMinutes, {
    min: 1,
    max: 1440,
    integer: true,
    unit: 'minutes',
  });
  const signalsPerShopper = readNumberSetting('SHOPPER_SIGNALS_PER_WINDOW', settings.signalsPerShopper, {
    min: 1,
    integer: true,
    fallback: DEFAULT_SIGNALS_PER_SHOPPER,
  });
  return { periodMinutes, signalsPerShopper };
}
