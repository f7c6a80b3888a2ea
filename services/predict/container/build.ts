/**
 * Bundles the model server into one file for the container image: `npm run build:model-container`
 * writes services/predict/container/dist/server.mjs (and its source map), which the Dockerfile copies.
 */
import { stat } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const here = import.meta.dirname;
const outfile = path.join(here, 'dist', 'server.mjs');
const result = await build({
  entryPoints: [path.join(here, 'server.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  mainFields: ['module', 'main'],
  sourcemap: true,
  legalComments: 'none',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __sdpCreateRequire } from 'node:module'; const require = __sdpCreateRequire(import.meta.url);",
  },
  // The SageMaker client of @sdp/shared-model is never used by the server; `sideEffects: false` drops it.
  external: ['@aws-sdk/*'],
  metafile: true,
  logLevel: 'warning',
});
// The image has no node_modules: the bundle must import nothing but Node's own modules.
const imported = Object.values(result.metafile.outputs).flatMap((output) =>
  output.imports.filter((entry) => entry.external && !isBuiltin(entry.path)),
);
if (imported.length > 0)
  throw new Error(
    `The bundle still imports ${imported.map((entry) => entry.path).join(', ')}; the image cannot resolve them.`,
  );
console.log(`${path.relative(process.cwd(), outfile)}: ${((await stat(outfile)).size / 1024).toFixed(0)} KiB`);
