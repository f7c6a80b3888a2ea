import { ApiError } from '@sdp/shared-http';
import type { ModelFeatureSpec } from '@sdp/shared-model';
import { PromotionPendingError } from './errors.js';
import type { ModelVersion } from './modelRecords.js';
import { settlePromotion, type SettleDeps } from './settlePromotion.js';

export interface PromotionSettings {
  /** How long to wait for an endpoint that serves the version at once (a local one) before returning it pending */
  graceMs: number;
  /** How long a promotion may stay pending before it is ended as failed */
  timeoutMs: number;
  pollMs?: number;
}

export interface PromotionDeps extends SettleDeps {
  sleep: (ms: number) => Promise<void>;
}

/**
 * Asks the endpoint to serve a recorded version, whatever the gate said when it was trained (the
 * rollback path too), and returns without waiting for it: the version is `pending` and the previous
 * one serves every prediction and stays live in the registry until `settlePromotion` finds the
 * endpoint serving it. An endpoint that serves it within `graceMs` makes it live before this returns.
 * One promotion at a time per model: another one pending is a `PromotionPendingError` (409).
 *
 * @example
 * await requestPromotion('20261207-0400-a1b2c3', deps, { graceMs: 3_000, timeoutMs: 1_800_000 })
 * // { version: '20261207-0400-a1b2c3', live: false, promotion: { status: 'pending', requested_at: '…' }, … }
 */
export async function requestPromotion(
  version: string,
  deps: PromotionDeps,
  settings: PromotionSettings,
): Promise<ModelVersion> {
  const { registry, endpoint } = deps;
  const record = await registry.get(version);
  if (!record) throw new ApiError(404, 'not_found', `There is no model version '${version}'; GET /models lists them.`);
  const { liveVersion: live, pending } = await registry.livePointer();
  if (pending) throw new PromotionPendingError(pending);
  if (live === version) return { ...record, live: true };

  const requestedAt = deps.now().toISOString();
  if (!(await registry.beginPromotion(version, { status: 'pending', requested_at: requestedAt }))) {
    const other = await registry.pendingPromotion();
    throw new PromotionPendingError(other ?? { version: '(another version)', since: requestedAt });
  }
  try {
    await endpoint.startDeployment(version, record.artifact, record.feature_spec as unknown as ModelFeatureSpec);
  } catch (error) {
    // The endpoint refused the request itself: it still serves the previous version.
    const reason = `The endpoint refused the update: ${(error as Error).message}`;
    await registry.endPromotion(version, {
      status: 'failed',
      requested_at: requestedAt,
      finished_at: deps.now().toISOString(),
      reason,
    });
    throw error;
  }
  const { graceMs, timeoutMs, pollMs = 250 } = settings;
  // The grace is wall time, however long each look at the endpoint takes.
  const deadline = deps.now().getTime() + graceMs;
  for (;;) {
    const settlement = await settlePromotion(deps, timeoutMs);
    const left = deadline - deps.now().getTime();
    if (settlement.status !== 'pending' || left <= 0) break;
    await deps.sleep(Math.min(pollMs, left));
  }
  const [settled, liveNow] = await Promise.all([registry.get(version), registry.liveVersion()]);
  return { ...(settled ?? record), live: liveNow === version };
}
