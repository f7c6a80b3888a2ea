import { build, type BuildOptions } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { cachedBuild, type FileHashes } from '../build/cachedBuild.js';
import type { LocalStaticSite } from '../project/types.js';

const BROWSER_BUILD: BuildOptions = {
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'error',
};

/**
 * Builds a service's static site into `outDir`: the files of `dir` as they are, and each entry point
 * bundled for browsers with esbuild (its imports, CSS included, from `node_modules`), named after the
 * entry (`src/browser/main.ts` → `main.js`, `main.css`). The same build the local cloud serves is the
 * one `packageAll` leaves in the service's `dist/` for upload. With `cache`, the bundles come
 * from the content-hash cache when nothing they read changed.
 */
export async function buildStaticSite(
  site: LocalStaticSite,
  outDir: string,
  cache?: { root: string; cacheDir: string; hashes?: FileHashes },
): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  if (site.dir) await cp(site.dir, outDir, { recursive: true });
  if (site.entryPoints.length === 0) return;
  if (!cache) {
    await build({ ...BROWSER_BUILD, entryPoints: site.entryPoints, outdir: outDir });
    return;
  }
  const entryPoints = site.entryPoints.map((entry) => ({ in: entry, out: path.basename(entry, path.extname(entry)) }));
  const { entryNames: _names, ...options } = BROWSER_BUILD;
  const built = await cachedBuild([{ id: site.service, entryPoints }], { esbuild: options, ...cache });
  await cp(built.get(site.service)!.dir, outDir, { recursive: true });
}

/** Where `packageAll` leaves a service's built site, ready for upload. */
export const packagedSiteDir = (serviceDir: string): string => path.join(serviceDir, 'dist');
