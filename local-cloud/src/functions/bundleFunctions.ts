import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { cachedBuild, type FileHashes } from '../build/cachedBuild.js';
import type { EsbuildSettings, LocalFunction } from '../project/types.js';

/** A function's bundle: the file to import and the handler's export name. */
export interface FunctionBundle {
  bundlePath: string;
  exportName: string;
  fromCache: boolean;
}

/**
 * Bundles every function's handler with its service's own `custom.esbuild` settings (the ones
 * serverless-esbuild uses for `serverless package`), so the local cloud runs the code a deployment
 * would. Bundles are cached by content under `cacheDir` (see {@link cachedBuild}); the functions that
 * need building are built together, one esbuild run per distinct settings.
 *
 * The cache must be inside `root`, so bundles resolve the packages they leave out (the AWS SDK,
 * which the Lambda runtime provides) from the project's node_modules.
 */
export async function bundleFunctions(
  functions: readonly LocalFunction[],
  options: { root: string; cacheDir: string; hashes?: FileHashes },
): Promise<Map<string, FunctionBundle>> {
  const groups = new Map<string, LocalFunction[]>();
  for (const fn of functions) {
    const key = JSON.stringify(fn.esbuild);
    groups.set(key, [...(groups.get(key) ?? []), fn]);
  }
  const hashes = options.hashes ?? new Map();
  const bundles = new Map<string, FunctionBundle>();
  for (const group of groups.values()) {
    const settings = group[0]!.esbuild;
    const extension = settings.outputFileExtension ?? '.js';
    const units = group.map((fn) => ({ id: fn.name, entryPoints: [{ in: entryOf(fn), out: fn.key }] }));
    const built = await cachedBuild(units, {
      esbuild: toBuildOptions(settings),
      root: options.root,
      cacheDir: options.cacheDir,
      hashes,
    });
    for (const fn of group) {
      const { dir, fromCache } = built.get(fn.name)!;
      bundles.set(fn.name, {
        bundlePath: path.join(dir, `${fn.key}${extension}`),
        exportName: exportOf(fn),
        fromCache,
      });
    }
  }
  return bundles;
}

function entryOf(fn: LocalFunction): string {
  return path.join(fn.serviceDir, `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`);
}

function exportOf(fn: LocalFunction): string {
  return fn.handler.slice(fn.handler.lastIndexOf('.') + 1);
}

function toBuildOptions(settings: EsbuildSettings): Omit<BuildOptions, 'entryPoints' | 'outdir'> {
  return {
    bundle: settings.bundle ?? true,
    minify: settings.minify ?? false,
    sourcemap: settings.sourcemap ?? true,
    target: settings.target ?? 'node20',
    platform: settings.platform ?? 'node',
    format: settings.format ?? 'cjs',
    mainFields: settings.mainFields ?? ['module', 'main'],
    external: [...(settings.exclude ?? []), ...(settings.external ?? [])],
    ...(settings.outputFileExtension ? { outExtension: { '.js': settings.outputFileExtension } } : {}),
    ...(settings.banner ? { banner: settings.banner } : {}),
    logLevel: 'error',
  };
}
