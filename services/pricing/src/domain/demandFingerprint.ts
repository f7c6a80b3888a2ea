import { createHash } from 'node:crypto';
import type { DemandFeatures } from './types.js';

/**
 * What a product's features say, as a short hash: everything but the product and `as_of`, so equal
 * demand hydrated at another time, or with its attributes in another key order, has the same
 * fingerprint. Hydration writes a new features version only when the fingerprint changes.
 *
 * @example
 * demandFingerprint({ product_id: 'sku-001', as_of: '2026-12-04T15:00:00.000Z', views: 40, … }) // 'N2Zm…' (43 characters)
 */
export function demandFingerprint(features: Omit<DemandFeatures, 'features_version'>): string {
  const { product_id: _productId, as_of: _asOf, ...demand } = features;
  return createHash('sha256').update(stableJson(demand)).digest('base64url');
}

/** JSON with every object's keys sorted, so equal features always give the same fingerprint. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
