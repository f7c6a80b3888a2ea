import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LocalStaticSite } from '../project/types.js';

/**
 * Builds a service's static site into `outDir`: the files of `dir` as they are, and each entry point
 * bundled for browsers with esbuild (its imports, CSS included, from `node_modules`), named after the
 * entry (`src/browser/main.ts` → `main.js`, `main.css`). The same build the local cloud serves is the
 * one `npm run package` leaves in the service's `dist/` for upload.
 */
export async function buildStaticSite(site: LocalStaticSite, outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  if (site.dir) await cp(site.dir, outDir, { recursive: true });
  if (site.entryPoints.length === 0) return;
  await build({
    entryPoints: site.entryPoints,
    outdir: outDir,
    entryNames: '[name]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'error',
  });
}

/** Where `npm run package` leaves a service's built site, ready for upload. */
export const packagedSiteDir = (serviceDir: string): string => path.join(serviceDir, 'dist');
