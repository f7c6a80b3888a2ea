import type { PriceDecision } from './decidePrice.js';
import type { DemandFeatures, PricingSettings } from './types.js';

type RecentDemand = Pick<DemandFeatures, 'views' | 'carts' | 'purchases' | 'recent_minutes'>;
type PlausibilityCaps = Pick<PricingSettings, 'maxViewsPerMinute' | 'maxCartsPerMinute' | 'maxCartsPerView'>;

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The plausibility caps a product's recent demand passes, each in words with its numbers; empty
 * when the demand is plausible:
 *
 * - **views a minute** of the recent horizon above `maxViewsPerMinute`;
 * - **carts a minute**, or purchases a minute, above `maxCartsPerMinute`;
 * - **carts per view**, or purchases per view, above `maxCartsPerView`: shoppers look at a product
 *   before they add it to the cart, and carts from made-up shoppers come without views.
 *
 * @example
 * implausibleDemand({ views: 0, carts: 60, purchases: 0, recent_minutes: 5 }, { maxViewsPerMinute: 6000, maxCartsPerMinute: 10, maxCartsPerView: 1 })
 * // ['60 carts in the last 5 min, 12.0 a minute, above the cap of 10 a minute', '60 carts against 0 views in the last 5 min, above the cap of 1 per view']
 */
export function implausibleDemand(demand: RecentDemand, caps: PlausibilityCaps): string[] {
  const minutes = demand.recent_minutes;
  const breaches: string[] = [];
  const perMinute = (n: number, noun: string, cap: number) => {
    if (n / minutes > cap)
      breaches.push(
        `${counted(n, noun)} in the last ${minutes} min, ${(n / minutes).toFixed(1)} a minute, above the cap of ${cap} a minute`,
      );
  };
  perMinute(demand.views, 'view', caps.maxViewsPerMinute);
  perMinute(demand.carts, 'cart', caps.maxCartsPerMinute);
  perMinute(demand.purchases, 'purchase', caps.maxCartsPerMinute);
  for (const [n, noun] of [
    [demand.carts, 'cart'],
    [demand.purchases, 'purchase'],
  ] as const) {
    if (n > demand.views * caps.maxCartsPerView) {
      breaches.push(
        `${counted(n, noun)} against ${counted(demand.views, 'view')} in the last ${minutes} min, above the cap of ${caps.maxCartsPerView} per view`,
      );
    }
  }
  return breaches;
}

/**
 * The hold of a price move the guardrails decided (`decidePrice`) on demand that is not plausible
 * (`implausibleDemand`), if it is not: then the price does not move, and the reason names every cap
 * passed with its numbers and the move not made. Plausible demand gives undefined.
 *
 * @example
 * plausibilityHold({ views: 0, carts: 60, purchases: 0, recent_minutes: 5, … }, { action: 'change', newPriceCents: 10360, reason: 'surge: …' }, settings)
 * // { action: 'hold', kind: 'implausible_demand', reason: 'implausible demand: 60 carts against 0 views in the last 5 min, above the cap of 1 per view; not applied: surge: …' }
 */
export function plausibilityHold(
  features: RecentDemand,
  change: Extract<PriceDecision, { action: 'change' }>,
  settings: PlausibilityCaps,
): Extract<PriceDecision, { action: 'hold' }> | undefined {
  const breaches = implausibleDemand(features, settings);
  if (breaches.length === 0) return undefined;
  return {
    action: 'hold',
    kind: 'implausible_demand',
    reason: `implausible demand: ${breaches.join('; ')}; not applied: ${change.reason}`,
  };
}
