/**
 * `npm run reconcile -- [--from <ISO>] [--to <ISO>]`: per minute of ingest time, whether every
 * consumer of the raw stream accounts for every accepted event (accepted = processed + failed + in
 * flight). Exits 1 when something was counted twice. Talks to the running platform's API like
 * `npm run failed` (the local cloud's, or `--url` with `SDP_API_KEY`).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { platformApi } from '@sdp/shared-cli';
import type { Reconciliation } from '../src/domain/reconcile.js';

const root = path.resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
  },
});
const api = await platformApi({ dataDir: values['data-dir'], ...(values.url ? { url: values.url } : {}) });
const query = new URLSearchParams({
  ...(values.from ? { from: values.from } : {}),
  ...(values.to ? { to: values.to } : {}),
});
const body = (await api.call('GET', `/reconciliation?${query}`)) as Reconciliation;
const short = (name: string) => name.replace(/^sdp-/, '').replace(/-[^-]+-(?=[^-]+$)/, '.');
console.log(`minute (UTC)       accepted  ${body.consumers.map((name) => `${short(name).padEnd(30)}`).join('')}`);
console.log(`${''.padEnd(28)}${body.consumers.map(() => 'processed failed in-flight    ').join('')}`);
for (const w of body.windows) {
  const cells = body.consumers.map((name) => {
    const c = w.consumers[name]!;
    return `${String(c.processed).padStart(9)} ${String(c.failed).padStart(6)} ${String(c.in_flight).padStart(9)}${c.status === 'over_counted' ? ' !!' : '   '}  `;
  });
  console.log(`${w.window}  ${String(w.accepted).padStart(8)}  ${cells.join('')}`);
}
const total = body.consumers.map(
  (name) =>
    `${short(name)}: ${body.totals.consumers[name]!.processed} processed, ${body.totals.consumers[name]!.failed} failed, ${body.totals.consumers[name]!.in_flight} in flight`,
);
console.log(`\n${body.totals.accepted} accepted from ${body.from} to ${body.to}; ${total.join('; ')}.`);
console.log(
  body.balanced
    ? 'Balanced: every accepted event is processed or set aside, none twice.'
    : 'Not balanced yet: see in-flight (still being processed) and !! (counted twice).',
);
process.exitCode = body.windows.some((w) => Object.values(w.consumers).some((c) => c.status === 'over_counted'))
  ? 1
  : 0;
