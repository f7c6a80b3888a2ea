import type { LocalCloudHooks } from '@sdp/local-cloud';
import { contractErrorBody } from './contractErrorBody.js';
import { issueLocalApiKeys } from './issueLocalApiKeys.js';
import { linearModelRuntime } from './linearModelRuntime.js';

/**
 * What this platform plugs into the local cloud: its keys for this machine once the cloud is up
 * (`extras.apiKey`, `extras.dashboardApiKey`), the contract's `Error` body for the gateway's own
 * answers, and its model container's code for every SageMaker endpoint.
 *
 * A cloud in another process (`@sdp/local-cloud/host`, the tests' shared cloud) is given them as
 * `hooks: { module: '<repository>/tools/local/src/platformHooks.ts', exportName: 'platformHooks' }`.
 *
 * @example
 * const cloud = await startLocalCloud({ root, dataDir, hooks: platformHooks });
 */
export const platformHooks: LocalCloudHooks = {
  afterStart: issueLocalApiKeys,
  gatewayErrorBody: contractErrorBody,
  modelRuntimes: { '*': linearModelRuntime },
};
