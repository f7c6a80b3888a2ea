import { localDynamoDbClient, type LocalCloud } from '@sdp/local-cloud';
import { DASHBOARD_API_KEY, ensureLocalApiKey, LOCAL_API_KEY } from './ensureLocalApiKey.js';

/**
 * The local cloud's `afterStart` for this platform: `apiKey`, a key with every scope for this
 * machine's APIs (demo traffic, tests, command-line tools), and, when there is a static site,
 * `dashboardApiKey`, the read-only key its links carry (scopes `report` and `query`). Both are kept
 * in the access service's table and in the data directory (`api-key`, `dashboard-api-key`, mode
 * 0600), and reused while still valid. None when the project has no API keys table.
 *
 * @example
 * await startLocalCloud({ root, dataDir, hooks: { afterStart: issueLocalApiKeys } }); // cloud.extras.apiKey
 */
export async function issueLocalApiKeys(cloud: LocalCloud): Promise<Record<string, string>> {
  const table = [...cloud.project.outputs.values()].find((outputs) => outputs.ApiKeysTableName)?.ApiKeysTableName;
  if (!table) return {};
  const dynamoDb = localDynamoDbClient(cloud.dynamoDbEndpoint);
  try {
    const apiKey = await ensureLocalApiKey(dynamoDb, table, cloud.dataDir, LOCAL_API_KEY);
    if (cloud.project.staticSites.length === 0) return { apiKey };
    return { apiKey, dashboardApiKey: await ensureLocalApiKey(dynamoDb, table, cloud.dataDir, DASHBOARD_API_KEY) };
  } finally {
    dynamoDb.destroy();
  }
}
