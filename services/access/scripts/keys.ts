/**
 * `npm run keys`: API keys of the platform's APIs.
 *
 *   npm run keys -- create --tenant acme [--scopes ingest] [--rate 200] [--burst 400] [--description "…"]
 *   (scopes: ingest (the default: what a website's or bidder's code needs), report, query (lake SQL), predict, import (POST /import), admin)
 *   npm run keys -- list
 *   npm run keys -- rotate <key id> [--grace-hours 24]   # new key now, the old one works until the grace ends
 *   npm run keys -- revoke <key id>                      # stops working within a minute (instances' cache)
 *
 * Targets the local cloud's table (DynamoDB Local from .data/local/endpoints.json) unless given
 * `--stage <stage>`: then the deployed table `sdp-access-<stage>-api-keys` with the usual AWS
 * credentials and region. A new key is printed once; only its hash is stored.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDynamoDb } from '@sdp/shared-cli';
import { dynamoDbApiKeysTable, issueApiKey, type ApiKeyRecord } from '@sdp/shared-http';
import { parsePositiveInteger, parseScopes, parseTenant } from '../src/domain/parseKeyOptions.js';
import { rotateApiKey } from '../src/domain/rotateApiKey.js';

const root = path.resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    tenant: { type: 'string' },
    // The least a key can do: a key meant for a browser or a bidder sends events and nothing else.
    scopes: { type: 'string', default: 'ingest' },
    rate: { type: 'string' },
    burst: { type: 'string' },
    description: { type: 'string' },
    'grace-hours': { type: 'string', default: '24' },
    stage: { type: 'string' },
    region: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
  },
});
const [command, keyId] = positionals;

try {
  const keys = await openTable();
  if (command === 'create') {
    const { key, record } = issueApiKey(
      {
        tenant: parseTenant(values.tenant),
        scopes: parseScopes(values.scopes),
        ...optional('ratePerSecond', parsePositiveInteger('rate', values.rate)),
        ...optional('burst', parsePositiveInteger('burst', values.burst)),
        ...optional('description', values.description),
      },
      new Date(),
    );
    await keys.create(record);
    console.log(
      `${key.text}\n\nKey ${record.key_id} for ${record.tenant}: ${describe(record)}. Store it now: it is not shown again.`,
    );
  } else if (command === 'list') {
    const records = await keys.list();
    if (records.length === 0) console.log('No API keys yet: npm run keys -- create --tenant <name>');
    for (const record of records) console.log(`${record.key_id}  ${record.tenant.padEnd(16)} ${describe(record)}`);
  } else if (command === 'rotate' && keyId) {
    const old = await keys.get(keyId);
    if (!old || old.status === 'revoked')
      throw new Error(`There is no active key ${keyId}; npm run keys -- list shows them.`);
    const graceHours = Number(values['grace-hours']);
    if (!Number.isFinite(graceHours) || graceHours < 0)
      throw new Error(`--grace-hours must be a number ≥ 0; got ${values['grace-hours']}.`);
    const { key, record, retire } = rotateApiKey(old, graceHours * 3_600_000, new Date());
    await keys.create(record);
    await keys.update(old.key_id, retire);
    console.log(
      `${key.text}\n\nKey ${record.key_id} replaces ${old.key_id}, which works until ${retire.expires_at}. Store the new key now.`,
    );
  } else if (command === 'revoke' && keyId) {
    const revoked = await keys.update(keyId, { status: 'revoked' });
    if (!revoked) throw new Error(`There is no key ${keyId}; npm run keys -- list shows them.`);
    console.log(`Key ${keyId} of ${revoked.tenant} is revoked; every API refuses it within a minute.`);
  } else {
    throw new Error(
      'usage: npm run keys -- create --tenant <name> [--scopes …] | list | rotate <key id> | revoke <key id>  [--stage <stage>]',
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}

async function openTable() {
  const { client, stage } = await openDynamoDb({
    stage: values.stage,
    region: values.region,
    dataDir: values['data-dir'],
  });
  return dynamoDbApiKeysTable(client, `sdp-access-${stage}-api-keys`);
}

function describe(record: ApiKeyRecord): string {
  const state = record.status === 'revoked' ? 'REVOKED' : record.expires_at ? `expires ${record.expires_at}` : 'active';
  return `${record.scopes.join(',')}  ${record.rate_limit_per_second}/s burst ${record.burst}  ${state}${record.replaced_by ? ` → ${record.replaced_by}` : ''}`;
}

function optional<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, V>);
}
