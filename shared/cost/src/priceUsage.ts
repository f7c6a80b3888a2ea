import { PRICE_TABLE, type PricedUnit } from './priceTable.js';

/** How many of each priced unit something used (requests, GB-seconds, write request units, shard-hours …). */
export type Usage = Partial<Record<PricedUnit, number>>;

export interface PricedUsage {
  /** US dollars by priced unit, for the units used */
  byUnit: Partial<Record<PricedUnit, number>>;
  totalUsd: number;
}

/**
 * What `usage` costs at the list prices of {@link PRICE_TABLE}.
 *
 * @example
 * priceUsage({ dynamoDbWriteRequestUnit: 4_000_000, lambdaRequest: 1_000_000 })
 * // { byUnit: { dynamoDbWriteRequestUnit: 2.5, lambdaRequest: 0.2 }, totalUsd: 2.7 }
 */
export function priceUsage(usage: Usage): PricedUsage {
  const byUnit: Partial<Record<PricedUnit, number>> = {};
  let totalUsd = 0;
  for (const [unit, amount] of Object.entries(usage) as [PricedUnit, number][]) {
    const usd = amount * PRICE_TABLE.prices[unit].usdPerUnit;
    byUnit[unit] = usd;
    totalUsd += usd;
  }
  return { byUnit, totalUsd };
}
