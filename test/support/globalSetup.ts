import { launchSharedCloud } from './sharedCloudProcess.ts';

/** Jest's global setup of the integration tests: starts the cloud the suites share (without waiting for it). */
export default async function globalSetup(): Promise<void> {
  (globalThis as { sdpSharedCloud?: unknown }).sdpSharedCloud = await launchSharedCloud();
}
