import type { DemandEvent, DemandIncrements } from './types.js';

/**
 * What events add to their product window: one view, cart, checkout or purchase each, and their
 * quantities as cart units and units sold.
 *
 * @example
 * demandIncrements([{ measure: 'views', quantity: 1, … }, { measure: 'purchases', quantity: 2, … }])
 * // { views: 1, carts: 0, cart_units: 0, checkouts: 0, purchases: 1, units_sold: 2 }
 */
export function demandIncrements(events: readonly Pick<DemandEvent, 'measure' | 'quantity'>[]): DemandIncrements {
  const increments = { views: 0, carts: 0, cart_units: 0, checkouts: 0, purchases: 0, units_sold: 0 };
  for (const { measure, quantity } of events) {
    increments[measure]++;
    if (measure === 'carts') increments.cart_units += quantity;
    if (measure === 'purchases') increments.units_sold += quantity;
  }
  return increments;
}
