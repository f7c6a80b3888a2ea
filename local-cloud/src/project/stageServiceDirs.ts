import { copyFile, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { SERVERLESS_CONFIG } from './configFilesOf.js';

/** What packaging writes into a service directory; a staged service gets its own. */
const PACKAGING_OUTPUTS = new Set(['.serverless', '.esbuild', 'dist']);
/** Top-level entries of the repository a staging root never links. */
const NOT_LINKED = new Set(['.git', '.data']);

/**
 * Stand-ins for service directories under `stagingRoot`, at the same place relative to it as each
 * service is to `root`, so that `serverless package` run in a stand-in writes `.serverless`,
 * `.esbuild` and `dist` there and not into the service: two packagings of the same services (two
 * test files in parallel) never clash. A stand-in links the service's files, except its
 * `serverless.*` configuration (yml, ts, mjs…), which Serverless refuses as a link and gets copied;
 * the staging root links the repository's other top-level entries, so that what the configuration
 * reads (`../../serverless.base.yml`, an import of `../../config/…`) and `node_modules` resolve.
 * Returns the stand-in of each service, in order.
 *
 * @example
 * await stageServiceDirs('/repo', ['/repo/services/ingest'], '/tmp/stage')
 * // ['/tmp/stage/services/ingest']: serverless.yml (a copy), package.json → /repo/services/ingest/package.json, src → …
 */
export async function stageServiceDirs(
  root: string,
  serviceDirs: readonly string[],
  stagingRoot: string,
): Promise<string[]> {
  const relativeDirs = serviceDirs.map((dir) => path.relative(root, dir));
  const serviceTops = new Set(relativeDirs.map((dir) => dir.split(path.sep)[0]));
  await mkdir(stagingRoot, { recursive: true });
  for (const entry of await readdir(root)) {
    if (serviceTops.has(entry) || NOT_LINKED.has(entry)) continue;
    await symlink(path.join(root, entry), path.join(stagingRoot, entry)).catch(ignoreExisting);
  }
  return Promise.all(
    relativeDirs.map(async (relative) => {
      const serviceDir = path.join(root, relative);
      const staged = path.join(stagingRoot, relative);
      await mkdir(staged, { recursive: true });
      for (const entry of await readdir(serviceDir)) {
        if (PACKAGING_OUTPUTS.has(entry)) continue;
        const from = path.join(serviceDir, entry);
        const to = path.join(staged, entry);
        await (SERVERLESS_CONFIG.test(entry) ? copyFile(from, to) : symlink(from, to).catch(ignoreExisting));
      }
      return staged;
    }),
  );
}

function ignoreExisting(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}
