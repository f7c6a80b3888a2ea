import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { offlineServiceParams } from './project/offlineOutputs.js';
import { SERVERLESS_ENV, serverlessBin } from './project/serverlessBin.js';
import { toLocalStaticSite } from './project/toLocalStaticSite.js';
import { buildStaticSite, packagedSiteDir } from './sites/buildStaticSite.js';

const run = promisify(execFile);

/**
 * `serverless package` of every service, offline, with the params serverless-compose.yml would pass
 * (see offlineServiceParams); each package lands in the service's `.serverless/`, and the static site
 * a service declares in `custom.staticSite` is built into its `dist/`, ready for upload.
 */
export async function packageAll(root: string, stage = 'dev'): Promise<{ service: string; ok: boolean; output: string }[]> {
  const services = await offlineServiceParams({ root, stage, cacheDir: path.join(root, '.data', 'cache') });
  const results: { service: string; ok: boolean; output: string }[] = [];
  // Two at a time: packaging is CPU-bound (esbuild, zip) and this machine class has two cores.
  for (let i = 0; i < services.length; i += 2) {
    const pair = services.slice(i, i + 2).map(async ({ service, params, config }) => {
      const args = ['package', '--stage', stage, ...Object.entries(params).map(([k, v]) => `--param=${k}=${v}`)];
      try {
        const { stdout, stderr } = await run(serverlessBin(root), args, {
          cwd: service.dir,
          env: { ...process.env, ...SERVERLESS_ENV },
          maxBuffer: 16 * 1024 * 1024,
        });
        const site = toLocalStaticSite(config, service.dir);
        if (site) await buildStaticSite(site, packagedSiteDir(service.dir));
        return { service: service.name, ok: true, output: stdout + stderr };
      } catch (error) {
        const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
        return { service: service.name, ok: false, output: `${stdout}${stderr}` || message };
      }
    });
    results.push(...(await Promise.all(pair)));
  }
  return results;
}
