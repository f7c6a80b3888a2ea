/** A key's shared limit: `ratePerSecond` steady, `burst` at once. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

/** What a lease attempt makes of the shared state: tokens granted and the new state, or how long until one token is free. */
export type LeaseDecision = { granted: number; theoreticalArrivalMs: number } | { granted: 0; retryAfterMs: number };

/**
 * Takes up to `wanted` tokens from a key's shared bucket, kept as one number: the theoretical
 * arrival time (GCRA, the generic cell rate algorithm). A bucket whose arrival time is at or before
 * `nowMs` is full; each token moves it `1000 / ratePerSecond` ms later; a lease may move it at most
 * `burst` tokens past now. Grants as many of the wanted tokens as are free, or none with the wait
 * until one is.
 *
 * One number is the whole state, so a lease is one conditional write of that number
 * (`dynamoDbRateLeases`) and never needs a read first.
 *
 * @example
 * leaseTokens(undefined, 1_000, 5, { ratePerSecond: 10, burst: 20 }) // { granted: 5, theoreticalArrivalMs: 1_500 }
 * leaseTokens(3_000, 1_000, 5, { ratePerSecond: 10, burst: 20 })     // { granted: 0, retryAfterMs: 100 }
 */
export function leaseTokens(
  theoreticalArrivalMs: number | undefined,
  nowMs: number,
  wanted: number,
  limit: RateLimit,
): LeaseDecision {
  const interval = 1000 / limit.ratePerSecond;
  const start = Math.max(theoreticalArrivalMs ?? nowMs, nowMs);
  const free = Math.floor((limit.burst * interval - (start - nowMs)) / interval + 1e-9);
  const granted = Math.min(wanted, free);
  if (granted >= 1) return { granted, theoreticalArrivalMs: start + granted * interval };
  return { granted: 0, retryAfterMs: Math.max(1, Math.ceil(start + interval - limit.burst * interval - nowMs)) };
}
