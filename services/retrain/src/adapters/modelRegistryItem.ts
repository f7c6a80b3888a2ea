import type { ModelFeatureSpec } from '@sdp/shared-model';

/**
 * The model registry table's items, in plain values (a DynamoDB document client's), as published by
 * retrain for predict: one item per version (key `version`, the `ModelVersion` contract less `live`)
 * and the live pointer, item `@live`, whose `live_version` names the live version (and whose
 * `new_bids` counts bids since the last training).
 */
export const LIVE_POINTER = '@live';

/**
 * The key of a version's item, or of the live pointer (`LIVE_POINTER`).
 *
 * @example
 * modelRegistryKeyOf('v20261122T0400Z') // { version: 'v20261122T0400Z' }
 */
export function modelRegistryKeyOf(version: string): { version: string } {
  return { version };
}

/**
 * The live version the live pointer names; undefined before any promotion (no pointer item, or one
 * that only counts new bids).
 *
 * @example
 * liveVersionOf({ version: '@live', live_version: 'v20261122T0400Z', new_bids: 120 }) // 'v20261122T0400Z'
 */
export function liveVersionOf(pointer: Record<string, unknown> | undefined): string | undefined {
  return (pointer?.live_version as string | undefined) ?? undefined;
}

/**
 * The promotion the endpoint is taking, as the live pointer records it; undefined when none is.
 *
 * @example
 * pendingPromotionOf({ version: '@live', live_version: 'v1', pending_version: 'v2', pending_since: '2026-12-07T04:00:00.000Z' })
 * // { version: 'v2', since: '2026-12-07T04:00:00.000Z' }
 */
export function pendingPromotionOf(
  pointer: Record<string, unknown> | undefined,
): { version: string; since: string } | undefined {
  const version = pointer?.pending_version as string | undefined;
  return version ? { version, since: pointer!.pending_since as string } : undefined;
}

/**
 * The feature spec a version's item says the version was trained with.
 *
 * @example
 * featureSpecOf({ version: 'v1', feature_spec: { hashBuckets: 4096, … }, … }) // { hashBuckets: 4096, … }
 */
export function featureSpecOf(item: Record<string, unknown>): ModelFeatureSpec {
  return item.feature_spec as ModelFeatureSpec;
}
