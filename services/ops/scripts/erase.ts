/**
 * `npm run erase`: erases a shopper's data everywhere the platform keeps it, and lifts their tombstone.
 *
 *   npm run erase -- --user <id>            # erase, and wait until every store is done; prints what was removed
 *   npm run erase -- --user <id> --no-wait  # erase, and return once the tombstone is written
 *   npm run erase -- --user <id> --show     # the user's tombstone and erasure log
 *   npm run erase -- --user <id> --undo     # un-erase: the user's new events count again (erased data stays erased)
 *
 * Talks to the running platform's API (DELETE /users/{user_id}, GET /users/{user_id}/erasure,
 * DELETE /users/{user_id}/tombstone): the local cloud's (from .data/local/endpoints.json, with its
 * key) or any `--url` with an `admin` key in `SDP_API_KEY`.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { exitWith, platformApi } from '@sdp/shared-cli';

const root = path.resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
    user: { type: 'string' },
    undo: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
    'timeout-minutes': { type: 'string', default: '20' },
  },
});
if (!values.user) exitWith('Name the user: npm run erase -- --user <id> [--undo | --show | --no-wait]');
const route = `/users/${encodeURIComponent(values.user)}`;
const { call } = await platformApi({ dataDir: values['data-dir'], ...(values.url ? { url: values.url } : {}) });

interface Erasure {
  erasure_id: string;
  status: string;
}

if (values.show) {
  console.log(JSON.stringify(await call('GET', `${route}/erasure`), null, 2));
} else if (values.undo) {
  console.log(JSON.stringify(await call('DELETE', `${route}/tombstone`), null, 2));
} else {
  const started = (await call('DELETE', route)) as Erasure;
  console.log(`Erasure ${started.erasure_id}: the tombstone is written; the user's events are dropped from now on.`);
  if (!values['no-wait']) {
    const deadline = Date.now() + Number(values['timeout-minutes']) * 60_000;
    for (;;) {
      const { erasures } = (await call('GET', `${route}/erasure`)) as { erasures: Erasure[] };
      const entry = erasures.find((erasure) => erasure.erasure_id === started.erasure_id);
      if (entry?.status === 'erased') {
        console.log(JSON.stringify(entry, null, 2));
        break;
      }
      if (Date.now() > deadline)
        exitWith(
          `Still erasing after ${values['timeout-minutes']} min; npm run erase -- --user <id> --show to follow it.`,
        );
      await sleep(1000);
    }
  }
}
