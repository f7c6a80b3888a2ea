import { validateDemandFeatures } from '@sdp/shared-contract';
import type { DemandFeatures } from './types.js';

const FIELDS = [
  'product_id',
  'features_version',
  'as_of',
  'recent_minutes',
  'views',
  'carts',
  'purchases',
  'baseline_views',
  'baseline_carts',
  'baseline_purchases',
  'ordered_units',
  'price_cents',
  'category',
  'attributes',
] as const;

/**
 * A demand features item (unmarshalled, bookkeeping attributes and all) as the `DemandFeatures`
 * contract shape, or undefined when it breaks the contract.
 *
 * @example
 * toDemandFeatures({ product_id: 'sku-001', features_version: 3, fingerprint: '…', views: 40, … }) // { product_id: 'sku-001', features_version: 3, views: 40, … }
 */
export function toDemandFeatures(image: Record<string, unknown>): DemandFeatures | undefined {
  const features = Object.fromEntries(
    FIELDS.filter((field) => image[field] !== undefined).map((field) => [field, image[field]]),
  );
  return validateDemandFeatures(features) ? features : undefined;
}
