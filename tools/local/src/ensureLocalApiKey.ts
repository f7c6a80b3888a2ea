import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  API_SCOPES,
  dynamoDbApiKeysTable,
  issueApiKey,
  parseApiKey,
  type ApiKeyRecord,
  type ApiScope,
} from '@sdp/shared-http';
import { PRIVATE_FILE_MODE, writePrivateFile } from '@sdp/local-cloud';

/** One of the keys `npm start` keeps for this machine: where it is saved and what it may do. */
export interface LocalApiKeySpec {
  /** The file in the data directory that holds it (plain text, readable by its owner only) */
  file: string;
  scopes: readonly ApiScope[];
  description: string;
}

/** The key with every scope: demo traffic, tests, command-line tools. */
export const LOCAL_API_KEY: LocalApiKeySpec = {
  file: 'api-key',
  scopes: API_SCOPES,
  description: 'local cloud key (npm start, demo traffic, tests)',
};

/** The key of the dashboard link `npm start` prints: it reads reports and the lake's saved queries, and writes nothing. */
export const DASHBOARD_API_KEY: LocalApiKeySpec = {
  file: 'dashboard-api-key',
  scopes: ['query', 'report'],
  description: 'local dashboard key (read only)',
};

/** The file in the data directory that holds the key with every scope. */
export const LOCAL_API_KEY_FILE = LOCAL_API_KEY.file;

/**
 * A key of the tenant `local` for this machine's APIs: the one in `<dataDir>/<spec.file>` while the
 * API keys table still knows it as active, unexpiring and of exactly `spec.scopes`, otherwise a new
 * one, written there. Either way the file ends up readable by its owner only (mode 0600).
 *
 * @example
 * ```ts
 * const apiKey = await ensureLocalApiKey(dynamoDb, 'sdp-access-local-api-keys', '.data/local');
 * const dashboardKey = await ensureLocalApiKey(dynamoDb, 'sdp-access-local-api-keys', '.data/local', DASHBOARD_API_KEY);
 * ```
 */
export async function ensureLocalApiKey(
  dynamoDb: DynamoDBClient,
  tableName: string,
  dataDir: string,
  spec: LocalApiKeySpec = LOCAL_API_KEY,
): Promise<string> {
  const keys = dynamoDbApiKeysTable(dynamoDb, tableName);
  const file = path.join(dataDir, spec.file);
  const saved = parseApiKey((await readFile(file, 'utf8').catch(() => '')).trim());
  if (saved && isStillValid(await keys.get(saved.keyId), spec)) {
    // A file written before keys were kept private may be readable by others.
    await chmod(file, PRIVATE_FILE_MODE);
    return saved.text;
  }
  const { key, record } = issueApiKey(
    {
      tenant: 'local',
      scopes: [...spec.scopes],
      ratePerSecond: 100_000,
      burst: 100_000,
      description: spec.description,
    },
    new Date(),
  );
  await keys.create(record);
  await writePrivateFile(file, `${key.text}\n`);
  return key.text;
}

const isStillValid = (record: ApiKeyRecord | undefined, spec: LocalApiKeySpec): boolean =>
  record?.status === 'active' &&
  record.expires_at === undefined &&
  [...record.scopes].sort().join(',') === [...spec.scopes].sort().join(',');
