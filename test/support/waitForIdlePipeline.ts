import type { LocalCloud } from '../../local-cloud/src/startLocalCloud.js';

/**
 * Resolves once every stream consumer of the local cloud has caught up and delivered nothing new
 * for `quietMs`; rejects after `timeoutMs`.
 */
export async function waitForIdlePipeline(cloud: Pick<LocalCloud, 'mappings'>, options = { quietMs: 2_000, timeoutMs: 360_000 }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastDelivered = -1;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const stats = cloud.mappings.map(({ mapping }) => mapping.stats());
    const delivered = stats.reduce((sum, s) => sum + s.delivered + s.sentToOnFailure, 0);
    const caughtUp = stats.every((s) => s.lagMs === 0);
    if (delivered !== lastDelivered || !caughtUp) {
      lastDelivered = delivered;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= options.quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The pipeline was still busy after ${options.timeoutMs} ms`);
}
