/**
 * What `serverless deploy` from serverless-compose.yml would deploy to a stage, for a reviewer to
 * read first: packages every service offline for the stage (as `npm run package` does, into a temp
 * dir), checks the templates against AWS's resource schemas and the compose file's order, and
 * prints the plan (config/src/deployPlan.ts). Exits 1 when a check finds a problem.
 *
 * npm run deploy:plan -- --stage prod
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageAll } from '@sdp/local-cloud';
import { composedServicesOf } from '../src/composeServices.js';
import { deployPlanOf } from '../src/deployPlan.js';
import type { PackagedTemplate } from '../src/packagedTemplate.js';
import { problemsOfComposeOrder } from '../src/problemsOfComposeOrder.js';
import { readServiceConfig } from '../src/readServiceConfig.js';
import { TemplateValidator } from '../src/TemplateValidator.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = 'cloudformation-template-update-stack.json';

const args = process.argv.slice(2);
const stageAt = args.indexOf('--stage');
const stage = stageAt === -1 ? 'dev' : args[stageAt + 1];
if (!stage || !/^[a-zA-Z0-9-]+$/.test(stage)) {
  console.error('Usage: npm run deploy:plan -- [--stage <stage>]   (default dev)');
  process.exit(2);
}

const services = composedServicesOf(await readFile(path.join(root, 'serverless-compose.yml'), 'utf8'));
const stagingDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-plan-'));
try {
  console.error(`Packaging ${services.length} services for stage ${stage} (about half a minute)…`);
  const packaged = await packageAll(root, stage, { stagingDir });
  const failed = packaged.filter((p) => !p.ok);
  for (const { service, output } of failed) console.error(`✖ ${service} did not package:\n${output}`);
  if (failed.length > 0) process.exit(1);

  const templates: Record<string, PackagedTemplate> = {};
  const configs: Record<string, string> = {};
  const stacks: Record<string, string> = {};
  for (const { service, packageDir } of packaged)
    templates[service] = JSON.parse(await readFile(path.join(packageDir, TEMPLATE), 'utf8')) as PackagedTemplate;
  for (const { name, path: dir } of services) {
    const config = await readServiceConfig(path.join(root, dir));
    configs[name] = config.text;
    stacks[name] = `${config.service}-${stage}`;
  }

  const validator = new TemplateValidator();
  const templateProblems = Object.entries(templates).flatMap(([service, template]) =>
    validator.problemsOf(service, template),
  );
  validator.free();
  const problems = { templates: templateProblems, compose: problemsOfComposeOrder({ services, configs, templates }) };

  console.log(deployPlanOf({ stage, services, stacks, templates, problems }));
  process.exitCode = problems.templates.length + problems.compose.length === 0 ? 0 : 1;
} finally {
  await rm(stagingDir, { recursive: true, force: true });
}
