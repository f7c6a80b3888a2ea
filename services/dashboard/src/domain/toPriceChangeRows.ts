import type { PriceHistory } from './types.js';

/** One price move as the price changes panel shows it: a change dynamic pricing made, or a move it held. */
export interface PriceChangeRow {
  /** When the price changed, or when the move was held */
  at: string;
  productId: string;
  /** The price before the change; for a held move, the price that held */
  oldPriceCents: number;
  /** The price the change set; for a held move, the price it would have set */
  newPriceCents: number;
  /** (new − old) / old in percent, to two decimals as the pricing service rounds it; null from a price of 0 */
  changePercent: number | null;
  /** The demand model version that asked for the move */
  modelVersion: string;
  /** Why, in the pricing service's words; for a held move, the plausibility cap it passed, then the move not made */
  reason: string;
  /** True for a move the plausibility guards held: the price did not change */
  held: boolean;
}

/**
 * The newest `limit` price moves across products' price histories (`GET /products/{id}/price-history`),
 * newest first: the changes dynamic pricing made and the moves it held, each held one marked, so a
 * move the guards stopped shows where it happened among the changes. Reading each product's newest
 * `limit` changes and holds is enough, since the newest moves overall are among them.
 *
 * @example
 * toPriceChangeRows([{ product_id: 'sku-013', changes: [change], holds: [] }], 8)
 * // [{ at: '2026-12-07T06:40:02.000Z', productId: 'sku-013', oldPriceCents: 12999, newPriceCents: 13649,
 * //    changePercent: 5, modelVersion: 'demand-3', reason: 'surge: …', held: false }]
 */
export function toPriceChangeRows(histories: readonly PriceHistory[], limit: number): PriceChangeRow[] {
  return histories
    .flatMap(({ changes, holds }) => [
      ...changes.map((change) => ({
        at: change.changed_at,
        productId: change.product_id,
        oldPriceCents: change.old_price_cents,
        newPriceCents: change.new_price_cents,
        changePercent: change.change_percent,
        modelVersion: change.model_version,
        reason: change.reason,
        held: false,
      })),
      ...holds.map((hold) => ({
        at: hold.held_at,
        productId: hold.product_id,
        oldPriceCents: hold.price_cents,
        newPriceCents: hold.wanted_price_cents,
        changePercent: percentChange(hold.price_cents, hold.wanted_price_cents),
        modelVersion: hold.model_version,
        reason: hold.reason,
        held: true,
      })),
    ])
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, limit);
}

function percentChange(oldCents: number, newCents: number): number | null {
  return oldCents === 0 ? null : Math.round(((newCents - oldCents) / oldCents) * 10_000) / 100;
}
