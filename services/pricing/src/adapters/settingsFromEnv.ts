import { requiredEnv } from '@sdp/shared-runtime';
import { parsePricingSettings } from '../domain/parsePricingSettings.js';
import type { PricingSettings } from '../domain/types.js';

/** The pricing settings of the function's environment, checked; the plausibility caps are optional (empty: the defaults). */
export function pricingSettingsFromEnv(): PricingSettings {
  return parsePricingSettings({
    recentMinutes: requiredEnv('DEMAND_RECENT_MINUTES'),
    baselineMinutes: requiredEnv('DEMAND_BASELINE_MINUTES'),
    orderedUnitsDays: requiredEnv('ORDERED_UNITS_DAYS'),
    maxStepPercent: requiredEnv('PRICE_MAX_STEP_PERCENT'),
    cooldownMinutes: requiredEnv('PRICE_COOLDOWN_MINUTES'),
    surgeAbove: requiredEnv('SURGE_ABOVE'),
    calmBelow: requiredEnv('CALM_BELOW'),
    maxViewsPerMinute: process.env.DEMAND_MAX_VIEWS_PER_MINUTE,
    maxCartsPerMinute: process.env.DEMAND_MAX_CARTS_PER_MINUTE,
    maxCartsPerView: process.env.DEMAND_MAX_CARTS_PER_VIEW,
  });
}
