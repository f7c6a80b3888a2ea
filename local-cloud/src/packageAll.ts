import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { offlineServiceParams } from './project/offlineOutputs.js';
import { SERVERLESS_ENV, serverlessBin } from './project/serverlessBin.js';
import { stageServiceDirs } from './project/stageServiceDirs.js';
import { toLocalStaticSite } from './project/toLocalStaticSite.js';
import { buildStaticSite, packagedSiteDir } from './sites/buildStaticSite.js';

const run = promisify(execFile);

/** A service packages in seconds; one that has not after this long is stuck (seen once: a timer that never fired) and is tried once more. */
const PACKAGE_TIMEOUT_MS = 180_000;
const PACKAGE_ATTEMPTS = 2;

export interface PackageResult {
  service: string;
  ok: boolean;
  output: string;
  /** Where the service's CloudFormation templates and zips are */
  packageDir: string;
}

export interface PackageAllOptions {
  /**
   * Package stand-ins of the services under this directory (see stageServiceDirs), so that every
   * output lands there and the services' own `.serverless/` and `dist/` stay as they are.
   */
  stagingDir?: string;
}

/**
 * `serverless package` of every service, offline, with the params serverless-compose.yml would pass
 * (see offlineServiceParams); each package lands in the service's `.serverless/` (or its stand-in's,
 * with `stagingDir`), and the static site a service declares in `custom.staticSite` is built into
 * its `dist/`, ready for upload.
 */
export async function packageAll(
  root: string,
  stage = 'dev',
  options: PackageAllOptions = {},
): Promise<PackageResult[]> {
  const services = await offlineServiceParams({ root, stage, cacheDir: path.join(root, '.data', 'cache') });
  const serviceDirs = services.map(({ service }) => service.dir);
  const workDirs = options.stagingDir ? await stageServiceDirs(root, serviceDirs, options.stagingDir) : serviceDirs;
  const results: PackageResult[] = [];
  // Two at a time: packaging is CPU-bound (esbuild, zip) and this machine class has two cores.
  for (let i = 0; i < services.length; i += 2) {
    const pair = services.slice(i, i + 2).map(async ({ service, params, config }, j) => {
      const workDir = workDirs[i + j]!;
      const packageDir = path.join(workDir, '.serverless');
      const args = ['package', '--stage', stage, ...Object.entries(params).map(([k, v]) => `--param=${k}=${v}`)];
      try {
        const { stdout, stderr } = await packageOnce(serverlessBin(root), args, workDir);
        const site = toLocalStaticSite(config, service.dir);
        if (site) await buildStaticSite(site, packagedSiteDir(workDir));
        return { service: service.name, ok: true, output: stdout + stderr, packageDir };
      } catch (error) {
        const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
        return { service: service.name, ok: false, output: `${stdout}${stderr}` || message, packageDir };
      }
    });
    results.push(...(await Promise.all(pair)));
  }
  return results;
}

/** `serverless package` in `cwd`, killed and run again when it is stuck past PACKAGE_TIMEOUT_MS. */
async function packageOnce(bin: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(bin, args, {
        cwd,
        env: { ...process.env, ...SERVERLESS_ENV },
        maxBuffer: 16 * 1024 * 1024,
        timeout: PACKAGE_TIMEOUT_MS,
      });
    } catch (error) {
      const stuck = (error as { killed?: boolean }).killed === true;
      if (!stuck || attempt >= PACKAGE_ATTEMPTS) throw error;
    }
  }
}
