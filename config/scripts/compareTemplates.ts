/**
 * Proves that a change to the services' configuration deploys the same thing: packages every service
 * offline (as `npm run package` does, into a temp dir) and compares each packaged CloudFormation
 * template in substance (see config/src/templateSubstance.ts) with a baseline saved before the change.
 *
 * npm run config:compare -- --save /tmp/templates-before   # before the change: save the baseline
 * npm run config:compare -- /tmp/templates-before          # after it: compare, exit 1 on any difference
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageAll } from '@sdp/local-cloud';
import { countsOf, differencesOf, substanceOf, type Template } from '../src/templateSubstance.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = 'cloudformation-template-update-stack.json';

const args = process.argv.slice(2);
const save = args[0] === '--save';
const baselineDir = args[save ? 1 : 0];
if (!baselineDir) {
  console.error('Usage: npm run config:compare -- [--save] <baseline dir>');
  process.exit(2);
}

const stagingDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-compare-'));
try {
  const packaged = await packageAll(root, 'dev', { stagingDir });
  const failed = packaged.filter((p) => !p.ok);
  for (const { service, output } of failed) console.error(`✖ ${service} did not package:\n${output}`);
  if (failed.length > 0) process.exit(1);

  const templates = new Map<string, Template>();
  for (const { service, packageDir } of packaged)
    templates.set(service, JSON.parse(await readFile(path.join(packageDir, TEMPLATE), 'utf8')) as Template);

  if (save) {
    await mkdir(baselineDir, { recursive: true });
    for (const [service, template] of templates)
      await writeFile(path.join(baselineDir, `${service}.json`), `${JSON.stringify(substanceOf(template), null, 2)}\n`);
    console.log(`Saved the packaged templates of ${templates.size} services in ${baselineDir}`);
  } else {
    const saved = (await readdir(baselineDir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    let different = 0;
    for (const service of [...new Set([...saved, ...templates.keys()])]) {
      const after = templates.get(service);
      const before = saved.includes(service)
        ? (JSON.parse(await readFile(path.join(baselineDir, `${service}.json`), 'utf8')) as Template)
        : undefined;
      if (!before || !after) {
        different++;
        console.log(`✖ ${service}: ${before ? 'no longer packaged' : 'not in the baseline'}`);
        continue;
      }
      const problems = differencesOf(before, after);
      const counts = Object.entries(countsOf(after))
        .map(([what, n]) => `${n} ${what}`)
        .join(', ');
      if (problems.length === 0) console.log(`✔ ${service}: the same in substance (${counts})`);
      else {
        different++;
        console.log(`✖ ${service}: ${problems.length} differences\n${problems.map((p) => `    ${p}`).join('\n')}`);
      }
    }
    console.log(different === 0 ? 'Every service deploys the same.' : `${different} services differ.`);
    process.exitCode = different === 0 ? 0 : 1;
  }
} finally {
  await rm(stagingDir, { recursive: true, force: true });
}
