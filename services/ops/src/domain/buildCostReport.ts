import { type components } from '@sdp/shared-contract';
import { PRICE_TABLE, priceUsage, type PricedUnit, type Usage } from '@sdp/shared-cost';
import type { UsageReading } from './types.js';

export type CostReport = components['schemas']['CostReport'];

/** The service whose stream carries ingested events: its Kinesis payload units are the events ingested. */
const INGEST_SERVICE = 'ingest';
/** Scopes are named `sdp-<service>-<stage>-<name>` (functions, tables and streams alike). */
const SCOPE_NAME = /^sdp-([a-z0-9]+)-/;
const OTHER_SERVICE = 'other';

/**
 * Prices a usage reading with the dated list prices: each unit used with its price and source,
 * each service's usage and cost (most expensive first), the total, and the total per million
 * events ingested. Units the source did not meter are listed as such, never priced as zero.
 *
 * @example
 * buildCostReport({ source: 'local-meter', from, to, metered: ['lambdaRequest'], byScope: { 'sdp-ingest-local-putEvent': { lambdaRequest: 5e6 } } })
 * // { …, total_usd: 1, services: [{ service: 'ingest', usd: 1, usage: { lambdaRequest: 5000000 } }], not_metered: ['apiGatewayHttpRequest', …] }
 */
export function buildCostReport(reading: UsageReading): CostReport {
  const byService = new Map<string, Usage>();
  for (const [scope, usage] of Object.entries(reading.byScope)) {
    const service = serviceOfScope(scope);
    byService.set(service, addUsage(byService.get(service) ?? {}, usage));
  }
  const total = [...byService.values()].reduce<Usage>(addUsage, {});
  const priced = priceUsage(total);
  const eventsIngested = Math.round(byService.get(INGEST_SERVICE)?.kinesisPutPayloadUnit ?? 0);
  const services = [...byService]
    .map(([service, usage]) => ({ service, usd: priceUsage(usage).totalUsd, usage: usage as Record<string, number> }))
    .sort((a, b) => b.usd - a.usd || a.service.localeCompare(b.service));
  const units = (Object.entries(total) as [PricedUnit, number][])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unit, amount]) => {
      const { usdPerUnit, unit: description, source } = PRICE_TABLE.prices[unit];
      return { unit, amount, usd: priced.byUnit[unit] ?? 0, usd_per_unit: usdPerUnit, description, source };
    });
  return {
    source: reading.source,
    from: reading.from.toISOString(),
    to: reading.to.toISOString(),
    prices: { as_of: PRICE_TABLE.asOf, region: PRICE_TABLE.region },
    events_ingested: eventsIngested,
    total_usd: priced.totalUsd,
    usd_per_million_events: eventsIngested > 0 ? (priced.totalUsd / eventsIngested) * 1e6 : null,
    units,
    services,
    not_metered: (Object.keys(PRICE_TABLE.prices) as PricedUnit[]).filter((unit) => !reading.metered.includes(unit)),
  };
}

/**
 * The service a function, table or stream belongs to, from its name.
 *
 * @example
 * serviceOfScope('sdp-enrich-prod-joinEvents') // 'enrich'
 */
export function serviceOfScope(scope: string): string {
  return SCOPE_NAME.exec(scope)?.[1] ?? OTHER_SERVICE;
}

function addUsage(sum: Usage, usage: Usage): Usage {
  const result: Usage = { ...sum };
  for (const [unit, amount] of Object.entries(usage) as [PricedUnit, number][])
    result[unit] = (result[unit] ?? 0) + amount;
  return result;
}
