/**
 * `npm run failed`: records the stream consumers set aside, and their replay.
 *
 *   npm run failed -- list [--status failed|retrying|replaying|replayed] [--limit 100]
 *   npm run failed -- show <failure id>
 *   npm run failed -- replay <failure id> [--data '<corrected JSON>' | --data-file fixed.json]
 *   npm run failed -- replay --all          # every record with status failed, one after the other
 *   npm run failed -- counts
 *
 * Talks to the running platform's API: the local cloud's (from .data/local/endpoints.json, with its
 * key) or any `--url` with a key in `SDP_API_KEY` (`admin` scope to replay). A replay is idempotent.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exitWith, platformApi } from '@sdp/shared-cli';

const root = path.resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
    status: { type: 'string', default: 'failed' },
    limit: { type: 'string', default: '100' },
    data: { type: 'string' },
    'data-file': { type: 'string' },
    all: { type: 'boolean', default: false },
  },
});
const [command = 'list', failureId] = positionals;

const { call } = await platformApi({ dataDir: values['data-dir'], ...(values.url ? { url: values.url } : {}) });

interface Summary {
  failure_id: string;
  function_name: string;
  status: string;
  attempts: number;
  error_name: string;
  error_message: string;
  last_failed_at: string;
}

if (command === 'list') {
  const query = new URLSearchParams({ status: values.status, limit: values.limit });
  const { items } = (await call('GET', `/failed-events?${query}`)) as { items: Summary[] };
  if (items.length === 0) console.log(`No failed events with status ${values.status}.`);
  for (const item of items) {
    console.log(
      `${item.failure_id}\n  ${item.status}, ${item.attempts} attempt(s), last ${item.last_failed_at}: ${item.error_name}: ${item.error_message}`,
    );
  }
} else if (command === 'show' && failureId) {
  console.log(JSON.stringify(await call('GET', `/failed-events/${encodeURIComponent(failureId)}`), null, 2));
} else if (command === 'replay' && (failureId || values.all)) {
  const body = await correctedData();
  const ids = failureId
    ? [failureId]
    : ((await call('GET', `/failed-events?status=failed&limit=1000`)) as { items: Summary[] }).items.map(
        (item) => item.failure_id,
      );
  if (ids.length === 0) console.log('Nothing to replay: no failed events.');
  for (const id of ids) {
    const result = (await call('POST', `/failed-events/${encodeURIComponent(id)}/replay`, body)) as {
      outcome: string;
      replayed_at: string;
      replayed_with: string;
    };
    console.log(
      `${id}: ${result.outcome === 'replayed' ? 'replayed' : 'already replayed'} (${result.replayed_with} data, ${result.replayed_at})`,
    );
  }
} else if (command === 'counts') {
  console.log(JSON.stringify(await call('GET', '/reports/failed-events'), null, 2));
} else {
  exitWith(
    'usage: npm run failed -- list [--status …] | show <id> | replay <id> [--data JSON | --data-file F] | replay --all | counts  [--url https://…]',
  );
}

async function correctedData(): Promise<unknown> {
  const text = values.data ?? (values['data-file'] ? await readFile(values['data-file'], 'utf8') : undefined);
  if (text === undefined) return undefined;
  try {
    return { data: JSON.parse(text) as unknown };
  } catch {
    return exitWith('--data / --data-file must hold the corrected record as JSON.');
  }
}
