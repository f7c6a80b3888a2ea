import type { ModelEndpoint, ModelRegistry, Promotion } from './modelRecords.js';

/** What became of the pending promotion: none, still pending, or ended (live or failed) by this call. */
export type Settlement =
  | { status: 'idle' }
  | { status: 'pending'; version: string }
  | { status: 'live'; version: string }
  | { status: 'failed'; version: string; reason: string };

export interface SettleDeps {
  registry: ModelRegistry;
  endpoint: ModelEndpoint;
  now: () => Date;
}

/**
 * Completes the model's pending promotion once the endpoint has settled: serving the version makes
 * it live in the registry; an endpoint that could not take it (SageMaker keeps serving the previous
 * version) or did not serve it within `timeoutMs` ends it as failed, and the previous version stays
 * live. Run on a schedule, and right after a promotion is asked for; two runs at once end it once.
 *
 * @example
 * await settlePromotion({ registry, endpoint, now: () => new Date() }, 30 * 60_000)
 * // { status: 'live', version: '20261207-0400-a1b2c3' }
 */
export async function settlePromotion(deps: SettleDeps, timeoutMs: number): Promise<Settlement> {
  const pending = await deps.registry.pendingPromotion();
  if (!pending) return { status: 'idle' };
  const { version, since } = pending;
  const deployment = await deps.endpoint.deploymentOf(version);
  const now = deps.now();
  const waitedMs = now.getTime() - Date.parse(since);
  if (deployment.state === 'updating' && waitedMs <= timeoutMs) return { status: 'pending', version };
  const ended: Promotion =
    deployment.state === 'serving'
      ? { status: 'live', requested_at: since, finished_at: now.toISOString() }
      : {
          status: 'failed',
          requested_at: since,
          finished_at: now.toISOString(),
          reason:
            deployment.state === 'failed'
              ? deployment.reason
              : `The endpoint was not serving ${version} after ${Math.round(waitedMs / 60_000)} minutes.`,
        };
  if (!(await deps.registry.endPromotion(version, ended))) return { status: 'pending', version };
  return ended.status === 'live' ? { status: 'live', version } : { status: 'failed', version, reason: ended.reason! };
}
