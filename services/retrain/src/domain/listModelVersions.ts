import type { components } from '@sdp/shared-contract';
import type { ModelRegistry } from './modelRecords.js';

/** The registry as `GET /models` shows it: newest first, the live one flagged, and the version being promoted. */
export async function listModelVersions(registry: ModelRegistry): Promise<components['schemas']['ModelList']> {
  const [versions, { liveVersion: live, pending }] = await Promise.all([registry.list(), registry.livePointer()]);
  const models = versions
    .sort((a, b) =>
      a.created_at === b.created_at ? (a.version < b.version ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
    )
    .map((version) => ({ ...version, live: version.version === live }));
  return {
    ...(live ? { live_version: live } : {}),
    ...(pending ? { pending_version: pending.version } : {}),
    models,
  };
}
