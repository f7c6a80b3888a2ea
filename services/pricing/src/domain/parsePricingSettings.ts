import { DAY_MS, DEFAULT_PLAUSIBILITY_CAPS, MINUTE_MS } from './constants.js';
import { InvalidSettingError, readNumberSetting } from '@sdp/shared-runtime';
import type { PricingSettings } from './types.js';

type Raw = Record<
  | 'recentMinutes'
  | 'baselineMinutes'
  | 'orderedUnitsDays'
  | 'maxStepPercent'
  | 'cooldownMinutes'
  | 'surgeAbove'
  | 'calmBelow',
  string
> &
  Partial<Record<keyof typeof DEFAULT_PLAUSIBILITY_CAPS, string>>;

/**
 * Checks the pricing settings as they come from the environment (`DEMAND_RECENT_MINUTES`, …). The
 * plausibility caps (`DEMAND_MAX_VIEWS_PER_MINUTE`, `DEMAND_MAX_CARTS_PER_MINUTE`,
 * `DEMAND_MAX_CARTS_PER_VIEW`) are `DEFAULT_PLAUSIBILITY_CAPS` when empty or absent.
 *
 * @example
 * parsePricingSettings({ recentMinutes: '15', baselineMinutes: '120', orderedUnitsDays: '7', maxStepPercent: '5', cooldownMinutes: '10', surgeAbove: '0.6', calmBelow: '0.3', maxCartsPerMinute: '' })
 * // { recentMinutes: 15, baselineMinutes: 120, orderedUnitsDays: 7, maxStepPercent: 5, cooldownMs: 600000, surgeAbove: 0.6, calmBelow: 0.3, maxViewsPerMinute: 6000, maxCartsPerMinute: 1200, maxCartsPerView: 1 }
 */
export function parsePricingSettings(raw: Raw): PricingSettings {
  const number = (name: string, text: string, min: number, max: number, integer: boolean, fallback?: number): number =>
    readNumberSetting(name, text, { min, max, integer, ...(fallback === undefined ? {} : { fallback }) });
  const cap = (name: string, setting: keyof typeof DEFAULT_PLAUSIBILITY_CAPS) =>
    number(name, raw[setting] ?? '', 0.001, 1_000_000_000, false, DEFAULT_PLAUSIBILITY_CAPS[setting]);
  const settings: PricingSettings = {
    recentMinutes: number('DEMAND_RECENT_MINUTES', raw.recentMinutes, 1, 1440, true),
    baselineMinutes: number('DEMAND_BASELINE_MINUTES', raw.baselineMinutes, 1, 10_080, true),
    orderedUnitsDays: number('ORDERED_UNITS_DAYS', raw.orderedUnitsDays, 1, 365, true),
    maxStepPercent: number('PRICE_MAX_STEP_PERCENT', raw.maxStepPercent, 0.1, 50, false),
    cooldownMs: number('PRICE_COOLDOWN_MINUTES', raw.cooldownMinutes, 0, 10_080, false) * MINUTE_MS,
    surgeAbove: number('SURGE_ABOVE', raw.surgeAbove, 0, 1, false),
    calmBelow: number('CALM_BELOW', raw.calmBelow, 0, 1, false),
    maxViewsPerMinute: cap('DEMAND_MAX_VIEWS_PER_MINUTE', 'maxViewsPerMinute'),
    maxCartsPerMinute: cap('DEMAND_MAX_CARTS_PER_MINUTE', 'maxCartsPerMinute'),
    maxCartsPerView: cap('DEMAND_MAX_CARTS_PER_VIEW', 'maxCartsPerView'),
  };
  if (settings.calmBelow >= settings.surgeAbove) {
    throw new InvalidSettingError('CALM_BELOW', raw.calmBelow, `below SURGE_ABOVE (${settings.surgeAbove})`);
  }
  return settings;
}

/** The span a product's windows are read over: baseline then recent horizon, up to `now`. */
export function demandSpan(
  settings: PricingSettings,
  now: Date,
): { from: Date; recentFrom: Date; to: Date; orderedSince: Date } {
  const recentFrom = new Date(now.getTime() - settings.recentMinutes * MINUTE_MS);
  return {
    from: new Date(recentFrom.getTime() - settings.baselineMinutes * MINUTE_MS),
    recentFrom,
    to: now,
    orderedSince: new Date(now.getTime() - settings.orderedUnitsDays * DAY_MS),
  };
}
