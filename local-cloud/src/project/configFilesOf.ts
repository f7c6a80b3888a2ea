import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The names Serverless Framework v3 finds a service's configuration under. */
export const SERVERLESS_CONFIG = /^serverless\.(ya?ml|json|js|mjs|cjs|ts)$/;

/** `from './x.js'`, `import('./x.js')`, `import './x.js'`: relative module specifiers. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"\n]+)['"]/g;
/** `${file(../../serverless.base.yml):provider}`: a file variable, relative to the service directory. */
const FILE_VARIABLE = /\$\{file\(([^)\n]+)\)/g;

/**
 * Every file a service's configuration is read from, sorted: its `serverless.*` files and, followed
 * from them, the files they name, `${file(…)}` variables (relative to the service directory) and the
 * relative imports of a JavaScript or TypeScript configuration (relative to the importing file; `./x.js`
 * may be `./x.ts`). A file named but missing is left out.
 *
 * @example
 * await configFilesOf('/repo/services/enrich')
 * // ['/repo/config/src/index.ts', …, '/repo/services/enrich/serverless.mjs', '/repo/services/enrich/serverless.ts']
 */
export async function configFilesOf(serviceDir: string): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (found.has(file)) return;
    found.add(file);
    const text = await readFile(file, 'utf8');
    const named = [
      ...[...text.matchAll(FILE_VARIABLE)].map((m) => path.resolve(serviceDir, m[1]!.trim())),
      ...(/\.[cm]?[jt]s$/.test(file)
        ? [...text.matchAll(RELATIVE_IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]!))
        : []),
    ];
    for (const candidate of named) {
      const existing = await firstFile(moduleCandidates(candidate));
      if (existing) await visit(existing);
    }
  };
  const entries = (await readdir(serviceDir)).filter((name) => SERVERLESS_CONFIG.test(name));
  for (const name of entries) await visit(path.join(serviceDir, name));
  return [...found].sort();
}

/** Where a module specifier may point: the file itself, or the TypeScript file it is compiled from. */
const moduleCandidates = (file: string): string[] => {
  if (/\.js$/.test(file)) return [file, file.replace(/\.js$/, '.ts')];
  if (/\.mjs$/.test(file)) return [file, file.replace(/\.mjs$/, '.mts')];
  if (path.extname(file) !== '') return [file];
  return [`${file}.ts`, `${file}.js`, path.join(file, 'index.ts'), path.join(file, 'index.js')];
};

async function firstFile(candidates: string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    const stats = await stat(candidate).catch(() => undefined);
    if (stats?.isFile()) return candidate;
  }
  return undefined;
}
