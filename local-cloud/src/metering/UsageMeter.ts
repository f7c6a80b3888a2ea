import { type PricedUnit, type Usage } from '@sdp/shared-cost';

/** What the meter has counted since it started, by scope (a function's name, or a resource's). */
export interface UsageSnapshot {
  since: string;
  until: string;
  /** The units this meter counts; any other unit's usage is unknown, not zero */
  metered: PricedUnit[];
  byScope: Record<string, Usage>;
  total: Usage;
}

/**
 * Counts what AWS would bill for the local cloud's work, in AWS's own units (requests, GB-seconds,
 * write and read request units, payload units …), by the function or resource that caused it.
 * Prices are applied by whoever reads it (`priceUsage` of @sdp/shared-cost), so the counts stay true when
 * a price changes.
 *
 * @example
 * ```ts
 * const meter = new UsageMeter(['lambdaRequest', 'lambdaGbSecond']);
 * meter.add('sdp-ingest-local-putEvent', 'lambdaRequest', 1);
 * meter.snapshot().total // { lambdaRequest: 1 }
 * ```
 */
export class UsageMeter {
  private readonly since = new Date();
  private readonly byScope = new Map<string, Map<PricedUnit, number>>();

  public constructor(private readonly metered: readonly PricedUnit[]) {}

  public add(scope: string, unit: PricedUnit, amount: number): void {
    if (!(amount > 0)) return;
    const usage = this.byScope.get(scope) ?? new Map<PricedUnit, number>();
    usage.set(unit, (usage.get(unit) ?? 0) + amount);
    this.byScope.set(scope, usage);
  }

  public snapshot(now = new Date()): UsageSnapshot {
    const byScope: Record<string, Usage> = {};
    const total = new Map<PricedUnit, number>();
    for (const [scope, usage] of [...this.byScope].sort(([a], [b]) => a.localeCompare(b))) {
      byScope[scope] = Object.fromEntries(usage);
      for (const [unit, amount] of usage) total.set(unit, (total.get(unit) ?? 0) + amount);
    }
    return {
      since: this.since.toISOString(),
      until: now.toISOString(),
      metered: [...this.metered],
      byScope,
      total: Object.fromEntries(total),
    };
  }
}
