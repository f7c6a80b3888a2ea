/**
 * `npm run reconcile -- [--from <ISO>] [--to <ISO>]`: per minute of ingest time, whether every
 * consumer of the raw stream accounts for every accepted event (accepted = processed + failed + in
 * flight). Exits 1 when something was counted twice. Talks to the running platform's API like
 * `npm run failed` (the local cloud's, or `--url` with `SDP_API_KEY`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Reconciliation } from '../src/domain/reconcile.js';

const root = path.resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: { url: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'data-dir': { type: 'string', default: path.join(root, '.data', 'local') } },
});
const endpoints = JSON.parse(await readFile(path.join(values['data-dir'], 'endpoints.json'), 'utf8').catch(() => '{}')) as { gateway?: string; apiKey?: string };
const baseUrl = values.url ?? endpoints.gateway;
const apiKey = process.env.SDP_API_KEY ?? (values.url ? undefined : endpoints.apiKey);
if (!baseUrl) {
  console.error('No platform found: start it with npm start, or pass --url https://…');
  process.exit(1);
}

const query = new URLSearchParams({ ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) });
const response = await fetch(`${baseUrl}/reconciliation?${query}`, { headers: apiKey ? { 'x-api-key': apiKey } : {} });
const body = (await response.json()) as Reconciliation & { code?: string; message?: string };
if (!response.ok) {
  console.error(`${response.status} ${body.code}: ${body.message}`);
  process.exit(1);
}
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
const total = body.consumers.map((name) => `${short(name)}: ${body.totals.consumers[name]!.processed} processed, ${body.totals.consumers[name]!.failed} failed, ${body.totals.consumers[name]!.in_flight} in flight`);
console.log(`\n${body.totals.accepted} accepted from ${body.from} to ${body.to}; ${total.join('; ')}.`);
console.log(body.balanced ? 'Balanced: every accepted event is processed or set aside, none twice.' : 'Not balanced yet: see in-flight (still being processed) and !! (counted twice).');
process.exitCode = body.windows.some((w) => Object.values(w.consumers).some((c) => c.status === 'over_counted')) ? 1 : 0;
