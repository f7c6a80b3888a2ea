import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { configFilesOf } from './configFilesOf.js';
import { SERVERLESS_ENV, serverlessBin } from './serverlessBin.js';
import type { PrintedService } from './types.js';

const run = promisify(execFile);

/**
 * `serverless print --format json` of one service (Serverless Framework v3, offline), cached under
 * `cacheDir` by the content of its config files (see configFilesOf) and the params, since one print
 * takes seconds.
 */
export async function printServiceConfig(options: {
  root: string;
  serviceDir: string;
  stage: string;
  params: Record<string, string>;
  cacheDir: string;
}): Promise<PrintedService> {
  const { root, serviceDir, stage, params, cacheDir } = options;
  const hash = createHash('sha256').update(JSON.stringify({ stage, params, env: process.env.LOG_LEVEL ?? '' }));
  for (const file of await configFilesOf(serviceDir))
    hash.update(path.relative(root, file)).update(await readFile(file));
  const cacheFile = path.join(cacheDir, `${path.basename(serviceDir)}-${hash.digest('hex').slice(0, 16)}.json`);

  const cached = await readFile(cacheFile, 'utf8').catch(() => undefined);
  if (cached) return JSON.parse(cached) as PrintedService;

  const args = [
    'print',
    '--format',
    'json',
    '--stage',
    stage,
    ...Object.entries(params).map(([k, v]) => `--param=${k}=${v}`),
  ];
  const { stdout } = await run(serverlessBin(root), args, {
    cwd: serviceDir,
    env: { ...process.env, ...SERVERLESS_ENV },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`serverless print failed in ${path.relative(root, serviceDir)}:\n${error.stderr ?? error.message}`);
  });
  const printed = stdout.slice(stdout.indexOf('{'));
  const config = JSON.parse(printed) as PrintedService;
  await mkdir(cacheDir, { recursive: true });
  // A temporary file of its own: another process (a parallel test file) may print the same service.
  const temporary = `${cacheFile}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, printed);
  await rename(temporary, cacheFile);
  return config;
}
