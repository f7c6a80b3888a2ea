import type { PricedUnit, Usage } from '@sdp/shared-cost';
import type { ReadUsage } from '../domain/types.js';

/** What the local cloud's meter answers (its `UsageSnapshot`). */
interface MeterSnapshot {
  since: string;
  until: string;
  metered: PricedUnit[];
  byScope: Record<string, Usage>;
}

/**
 * The local cloud's usage since it started, read from its meter (`LOCAL_CLOUD_METER_URL`), which
 * counts per function what AWS would bill for the same work.
 *
 * @example
 * const { byScope } = await localMeterUsage('http://127.0.0.1:41234', fetch)();
 */
export function localMeterUsage(url: string, fetchFn: typeof fetch = fetch): ReadUsage {
  return async () => {
    const response = await fetchFn(url);
    if (!response.ok) throw new Error(`the local meter answered ${response.status}`);
    const snapshot = (await response.json()) as MeterSnapshot;
    return {
      source: 'local-meter',
      from: new Date(snapshot.since),
      to: new Date(snapshot.until),
      metered: snapshot.metered,
      byScope: snapshot.byScope,
    };
  };
}
