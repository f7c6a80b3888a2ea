import type { LocalCloud } from '@sdp/local-cloud';

/**
 * Resolves once every stream consumer of the local cloud has processed every record written
 * before the call and everything that caused downstream; rejects after `timeoutMs`.
 */
export async function waitForIdlePipeline(
  cloud: Pick<LocalCloud, 'waitForIdle'>,
  options = { timeoutMs: 360_000 },
): Promise<void> {
  await cloud.waitForIdle(options);
}
