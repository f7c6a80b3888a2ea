import type { DemandPrediction, PricingSettings, Product } from './types.js';

/** Why a price holds, in one word: for counting in logs. `implausible_demand` holds are also recorded (`plausibilityHold`). */
export type HoldKind = 'cooldown' | 'at_maximum' | 'at_floor' | 'steady' | 'implausible_demand';

/** What the guardrails make of a prediction: a new price with its reason, or why the price holds. */
export type PriceDecision =
  { action: 'change'; newPriceCents: number; reason: string } | { action: 'hold'; kind: HoldKind; reason: string };

const percent = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;

/**
 * The price a product should have given the demand model's surge probability, within the guardrails:
 *
 * - **cooldown**: no change within `cooldownMs` of the last one (`price_updated_at`);
 * - **surge** (probability ≥ `surgeAbove`): up by `maxStepPercent` scaled by how far the probability
 *   is between `surgeAbove` and 1, never above `max_price_cents`;
 * - **calm** (probability ≤ `calmBelow`): a price above `list_price_cents` comes back down by up to
 *   `maxStepPercent`, never below the list price nor `min_price_cents`; a price at its list price
 *   stays where it is;
 * - anything else holds. Prices are whole cents; a change that rounds to nothing holds.
 *
 * @example
 * decidePrice(product, { surgeProbability: 0.95, modelVersion: 'd-7' }, settings, now)
 * // { action: 'change', newPriceCents: 13649, reason: 'surge: demand surge probability 0.95 ≥ 0.6, +5.0 % (maximum step 5 %)' }
 */
export function decidePrice(
  product: Product,
  prediction: DemandPrediction,
  settings: PricingSettings,
  now: Date,
): PriceDecision {
  const price = product.price_cents;
  const cooldown = cooldownHold(product, settings, now);
  if (cooldown) return cooldown;
  const p = prediction.surgeProbability;
  const shown = p.toFixed(2);
  if (p >= settings.surgeAbove) {
    const stepPercent =
      settings.maxStepPercent * Math.min(1, (p - settings.surgeAbove) / Math.max(1e-9, 1 - settings.surgeAbove));
    const wanted = Math.round(price * (1 + stepPercent / 100));
    const newPriceCents = Math.min(wanted, product.max_price_cents);
    if (newPriceCents <= price)
      return {
        action: 'hold',
        kind: 'at_maximum',
        reason: `surge (probability ${shown}), but the price is at its maximum ${product.max_price_cents}`,
      };
    const capped = newPriceCents < wanted ? `, capped at the maximum price ${product.max_price_cents}` : '';
    return {
      action: 'change',
      newPriceCents,
      reason: `surge: demand surge probability ${shown} ≥ ${settings.surgeAbove}, ${percent(((newPriceCents - price) / price) * 100)} (maximum step ${settings.maxStepPercent} %)${capped}`,
    };
  }
  if (p <= settings.calmBelow && product.list_price_cents !== undefined && price > product.list_price_cents) {
    const floor = Math.max(product.list_price_cents, product.min_price_cents);
    const newPriceCents = Math.max(floor, Math.round(price * (1 - settings.maxStepPercent / 100)));
    if (newPriceCents >= price)
      return { action: 'hold', kind: 'at_floor', reason: `calm (probability ${shown}), already at the floor ${floor}` };
    return {
      action: 'change',
      newPriceCents,
      reason: `calm: demand surge probability ${shown} ≤ ${settings.calmBelow}, ${percent(((newPriceCents - price) / price) * 100)} back toward the list price ${product.list_price_cents}`,
    };
  }
  return { action: 'hold', kind: 'steady', reason: `steady: demand surge probability ${shown}` };
}

/**
 * The hold of a product whose price changed dynamically less than `cooldownMs` ago, if it is in
 * its cooldown: then no prediction can move it, and none needs to be asked for.
 *
 * @example
 * cooldownHold(justRaised, settings, now) // { action: 'hold', kind: 'cooldown', reason: 'cooldown: the price changed at …' }
 */
export function cooldownHold(
  product: Product,
  settings: PricingSettings,
  now: Date,
): Extract<PriceDecision, { action: 'hold' }> | undefined {
  const lastChange = product.price_updated_at ? Date.parse(product.price_updated_at) : Number.NEGATIVE_INFINITY;
  if (product.price_version === undefined || now.getTime() - lastChange >= settings.cooldownMs) return undefined;
  return {
    action: 'hold',
    kind: 'cooldown',
    reason: `cooldown: the price changed at ${product.price_updated_at}, less than ${settings.cooldownMs / 60_000} min ago`,
  };
}
