import { leaseTokens, type RateLeases } from '../../src/index.js';

/** Shared rate buckets in memory, as the keys table would hold them: one arrival time per key. */
export function inMemoryRateLeases(): RateLeases & { writes: number; failing: boolean } {
  const arrivals = new Map<string, number>();
  return {
    writes: 0,
    failing: false,
    async lease(keyId, _believed, wanted, limit, nowMs) {
      if (this.failing)
        throw Object.assign(new Error('Throughput exceeds the current capacity of your table'), {
          name: 'ThrottlingException',
        });
      const decision = leaseTokens(arrivals.get(keyId), nowMs, wanted, limit);
      if (!('retryAfterMs' in decision)) {
        this.writes++;
        arrivals.set(keyId, decision.theoreticalArrivalMs);
      }
      return decision;
    },
  };
}
