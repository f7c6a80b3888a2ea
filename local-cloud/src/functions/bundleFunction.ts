import { build } from 'esbuild';
import path from 'node:path';
import type { LocalFunction } from '../project/types.js';

/**
 * Bundles one function's handler with the service's own `custom.esbuild` settings (the ones
 * serverless-esbuild uses for `serverless package`), so the local cloud runs the code a deployment
 * would. Returns the bundle's path and the handler's export name.
 */
export async function bundleFunction(fn: LocalFunction, outDir: string): Promise<{ bundlePath: string; exportName: string }> {
  const settings = fn.esbuild;
  const separator = fn.handler.lastIndexOf('.');
  const modulePath = fn.handler.slice(0, separator);
  const exportName = fn.handler.slice(separator + 1);
  const extension = settings.outputFileExtension ?? '.js';
  const bundlePath = path.join(outDir, fn.service, `${fn.key}${extension}`);
  await build({
    entryPoints: [path.join(fn.serviceDir, `${modulePath}.ts`)],
    outfile: bundlePath,
    bundle: settings.bundle ?? true,
    minify: settings.minify ?? false,
    sourcemap: settings.sourcemap ?? true,
    target: settings.target ?? 'node20',
    platform: settings.platform ?? 'node',
    format: settings.format ?? 'cjs',
    mainFields: settings.mainFields ?? ['module', 'main'],
    external: [...(settings.exclude ?? []), ...(settings.external ?? [])],
    ...(settings.banner ? { banner: settings.banner } : {}),
    logLevel: 'error',
  });
  return { bundlePath, exportName };
}
