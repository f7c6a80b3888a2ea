/**
 * `npm run package [-- <stage>]`: `serverless package` of every service, offline, and every static
 * site built into its service's `dist/`. Prints where each package went and exits non-zero if any
 * service fails to package.
 */
import path from 'node:path';
import { packageAll } from '../packageAll.js';

const results = await packageAll(path.resolve(import.meta.dirname, '../../..'), process.argv[2] ?? 'dev');
for (const { service, ok, output } of results) {
  console.log(`${ok ? '✔' : '✖'} ${service}${ok ? ` → services/${service}/.serverless/` : `\n${output}`}`);
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
