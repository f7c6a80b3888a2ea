import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { API_SCOPES, dynamoDbApiKeysTable, issueApiKey, parseApiKey } from '@sdp/shared';

/** The file in the data directory that holds the local key (plain text, readable by its owner only). */
export const LOCAL_API_KEY_FILE = 'api-key';

/**
 * The key the demo traffic, the tests and the command-line tools use on this machine: the one in
 * `<dataDir>/api-key` while the API keys table still knows it as active, otherwise a new one with
 * every scope for the tenant `local`, written there.
 */
export async function ensureLocalApiKey(dynamoDb: DynamoDBClient, tableName: string, dataDir: string): Promise<string> {
  const keys = dynamoDbApiKeysTable(dynamoDb, tableName);
  const file = path.join(dataDir, LOCAL_API_KEY_FILE);
  const saved = parseApiKey((await readFile(file, 'utf8').catch(() => '')).trim());
  if (saved) {
    const record = await keys.get(saved.keyId);
    if (record?.status === 'active' && record.expires_at === undefined) return saved.text;
  }
  const { key, record } = issueApiKey(
    { tenant: 'local', scopes: [...API_SCOPES], ratePerSecond: 100_000, burst: 100_000, description: 'local cloud key (npm start, demo traffic, tests)' },
    new Date(),
  );
  await keys.create(record);
  await writeFile(file, `${key.text}\n`, { mode: 0o600 });
  return key.text;
}
