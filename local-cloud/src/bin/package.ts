/**
 * `tsx local-cloud/src/bin/package.ts [<stage>]` (this repository's `npm run package`), in the
 * project's root: `serverless package` of every service of its serverless-compose.yml, offline, and
 * every static site built into its service's `dist/`. Prints where each package went and exits
 * non-zero if any service fails to package.
 */
import path from 'node:path';
import { packageAll } from '../packageAll.js';

const results = await packageAll(process.cwd(), process.argv[2] ?? 'dev');
for (const { service, ok, output, packageDir } of results) {
  console.log(`${ok ? '✔' : '✖'} ${service}${ok ? ` → ${path.relative(process.cwd(), packageDir)}/` : `\n${output}`}`);
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
