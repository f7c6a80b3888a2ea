import type { DemandFeatureInput } from '@sdp/shared-model';
import type { TrainingExample } from './types.js';

/** A row of the demand training query: one product window's latest counts. */
export interface DemandTrainingRow {
  product_id: string;
  window_start: string;
  views: number | string;
  carts: number | string;
  purchases: number | string;
}

export interface DemandHorizons {
  /** The recent horizon the pricing service reads demand over, in minutes */
  recentMinutes: number;
  /** The baseline before it, in minutes */
  baselineMinutes: number;
  /** The end of the data: only anchors whose next horizon ends by then are labelled */
  to: Date;
}

/** The next horizon's views must reach this many times the baseline's (+1) to count as a surge. */
export const SURGE_FACTOR = 2;

const MINUTE_MS = 60_000;

/**
 * The demand model's training examples from product windows, built as the pricing service will see
 * demand: at each minute `t` where a product had activity in the recent horizon before it, its
 * features are that horizon's views, carts and purchases and the baseline before it scaled to the
 * same length (`DemandFeatureInput`, ordered units 0: orders are not in the lake), and its label is
 * whether the *next* horizon's views reached `SURGE_FACTOR` × (baseline + 1): did demand surge.
 * Anchors whose next horizon is not over by `to` are left out, since their label is not known yet.
 *
 * @example
 * toDemandExamples(rows, { recentMinutes: 15, baselineMinutes: 120, to: new Date() })
 * // [{ input: { views: 40, …, baseline_views: 3.2, ordered_units: 0 }, features: { indices, values }, label: 1, at: 1764860400000 }, …]
 */
export function toDemandExamples(
  rows: readonly DemandTrainingRow[],
  horizons: DemandHorizons,
): Omit<TrainingExample, 'features'>[] {
  const byProduct = new Map<string, Map<number, { views: number; carts: number; purchases: number }>>();
  for (const row of rows) {
    const minute = Math.floor(Date.parse(row.window_start) / MINUTE_MS);
    if (!Number.isFinite(minute)) continue;
    const minutes = byProduct.get(row.product_id) ?? new Map();
    byProduct.set(row.product_id, minutes);
    minutes.set(minute, { views: Number(row.views), carts: Number(row.carts), purchases: Number(row.purchases) });
  }
  const { recentMinutes, baselineMinutes } = horizons;
  const lastAnchor = Math.floor(horizons.to.getTime() / MINUTE_MS) - recentMinutes;
  const examples: Omit<TrainingExample, 'features'>[] = [];
  for (const minutes of byProduct.values()) {
    const sum = (from: number, to: number) => {
      const total = { views: 0, carts: 0, purchases: 0 };
      for (let m = from; m < to; m++) {
        const counts = minutes.get(m);
        if (!counts) continue;
        total.views += counts.views;
        total.carts += counts.carts;
        total.purchases += counts.purchases;
      }
      return total;
    };
    const first = Math.min(...minutes.keys());
    // An anchor needs its whole baseline inside the data, and activity in its recent horizon.
    const anchors = new Set<number>();
    for (const minute of minutes.keys()) for (let t = minute + 1; t <= minute + recentMinutes; t++) anchors.add(t);
    for (const t of [...anchors].sort((a, b) => a - b)) {
      if (t - recentMinutes - baselineMinutes < first || t > lastAnchor) continue;
      const recent = sum(t - recentMinutes, t);
      const baseline = sum(t - recentMinutes - baselineMinutes, t - recentMinutes);
      const scale = (count: number) => Math.round((count * recentMinutes * 1000) / baselineMinutes) / 1000;
      const input: DemandFeatureInput = {
        ...recent,
        baseline_views: scale(baseline.views),
        baseline_carts: scale(baseline.carts),
        baseline_purchases: scale(baseline.purchases),
        ordered_units: 0,
      };
      const next = sum(t, t + recentMinutes);
      examples.push({
        input,
        label: next.views >= SURGE_FACTOR * (input.baseline_views + 1) ? 1 : 0,
        at: t * MINUTE_MS,
      });
    }
  }
  return examples;
}

/**
 * The SQL that reads each product window's latest counts from the lake, for windows starting in
 * [`from`, `to`): the highest `version` of every window in `product_window_changes`. Plain SQL with
 * `max_by`, which DuckDB and Athena both have.
 */
export function demandTrainingQuery(from: Date, to: Date): string {
  const literal = (at: Date) => `TIMESTAMP '${at.toISOString().replace('T', ' ').replace('Z', '')}'`;
  return `SELECT product_id, window_start, max_by(views, version) AS views, max_by(carts, version) AS carts, max_by(purchases, version) AS purchases
FROM product_window_changes
WHERE window_start >= ${literal(from)} AND window_start < ${literal(to)}
GROUP BY product_id, window_start`;
}
