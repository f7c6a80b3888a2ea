import type { DemandFeatureInput } from '@sdp/shared-model';
import type { WindowCounts } from './types.js';

/**
 * A product's demand from its windows: the recent horizon's views, carts and purchases (windows
 * starting at or after `recentFrom`), and the baseline's (windows before it), scaled to the recent
 * horizon's length and rounded to thousandths.
 *
 * @example
 * summarizeDemand(windows, { recentFrom, recentMinutes: 15, baselineMinutes: 120, orderedUnits: 12 })
 * // { views: 40, carts: 6, purchases: 3, baseline_views: 9.125, baseline_carts: 1, baseline_purchases: 0.5, ordered_units: 12 }
 */
export function summarizeDemand(
  windows: readonly WindowCounts[],
  span: { recentFrom: Date; recentMinutes: number; baselineMinutes: number; orderedUnits: number },
): DemandFeatureInput {
  const recent = { views: 0, carts: 0, purchases: 0 };
  const baseline = { views: 0, carts: 0, purchases: 0 };
  for (const window of windows) {
    const into = window.start >= span.recentFrom.getTime() ? recent : baseline;
    into.views += window.views;
    into.carts += window.carts;
    into.purchases += window.purchases;
  }
  const scale = (count: number) => Math.round((count * span.recentMinutes * 1000) / span.baselineMinutes) / 1000;
  return {
    ...recent,
    baseline_views: scale(baseline.views),
    baseline_carts: scale(baseline.carts),
    baseline_purchases: scale(baseline.purchases),
    ordered_units: span.orderedUnits,
  };
}
