import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { build, stop as stopEsbuild, version as esbuildVersion, type BuildOptions, type Metafile } from 'esbuild';
import { writeJsonAtomic } from '../eventSources/writeJsonAtomic.js';

/** One thing to build: its entry points, each with its output name relative to the unit's directory. */
export interface BuildUnit {
  id: string;
  entryPoints: { in: string; out: string }[];
}

/** Where a unit's outputs are, and whether they came from the cache. */
export interface BuiltUnit {
  dir: string;
  fromCache: boolean;
}

export interface CachedBuildOptions {
  /** Everything esbuild needs but the entry points and the output directory */
  esbuild: Omit<BuildOptions, 'entryPoints' | 'outdir' | 'outfile' | 'metafile' | 'write' | 'absWorkingDir'>;
  /** Inputs and the cache are named relative to this directory */
  root: string;
  cacheDir: string;
  /** Content hashes of files already read by this start, shared between calls */
  hashes?: FileHashes;
}

/** Content hashes of files by path, each file read once. */
export type FileHashes = Map<string, Promise<string>>;

/** What the cache keeps of a unit's current build: the hash of every input esbuild read, and where the outputs are. */
interface CacheEntry {
  inputs: Record<string, string>;
  contentDir: string;
}

/** Content directories other starts may still load from are kept this long after their last use. */
const KEEP_UNUSED_MS = 24 * 3_600_000;
const MISSING = 'missing';

/**
 * esbuild with a cache keyed by content: a unit is rebuilt only when its settings, its entry points
 * or the content of a file it read (sources and node_modules alike) changed, so a second start of
 * the same code bundles nothing. The stale units of one call are built together in one esbuild run.
 *
 * Outputs are immutable once written (`<cacheDir>/<unit key>/<inputs hash>/`): a running process
 * keeps loading the code it started with while another process rebuilds, and two processes that
 * build the same content at once end with the same directory.
 *
 * Only files a build read are checked, so a new file that changes how an import resolves (a
 * `.tsx` next to an imported `.ts`, a nearer `node_modules` package) goes unnoticed until one of
 * those files changes; deleting the cache directory rebuilds everything.
 *
 * @example
 * ```ts
 * const built = await cachedBuild([{ id: 'putEvent', entryPoints: [{ in: 'src/putEvent.ts', out: 'putEvent' }] }], {
 *   esbuild: { bundle: true, platform: 'node', format: 'esm', outExtension: { '.js': '.mjs' } },
 *   root: process.cwd(),
 *   cacheDir: '.data/cache/bundles',
 * });
 * built.get('putEvent')!.dir; // holds putEvent.mjs
 * ```
 */
export async function cachedBuild(
  units: readonly BuildUnit[],
  given: CachedBuildOptions,
): Promise<Map<string, BuiltUnit>> {
  const options = { ...given, root: path.resolve(given.root), cacheDir: path.resolve(given.root, given.cacheDir) };
  const hashes = options.hashes ?? new Map();
  const built = new Map<string, BuiltUnit>();
  const stale: { unit: BuildUnit; key: string }[] = [];
  await Promise.all(
    units.map(async (unit) => {
      const key = unitKey(unit, options);
      const cached = await readCacheEntry(options, key, hashes);
      if (cached) {
        built.set(unit.id, { dir: cached, fromCache: true });
        // Marks the directory as used, so pruning by other starts leaves it alone.
        await utimes(cached, new Date(), new Date()).catch(() => undefined);
      } else {
        stale.push({ unit, key });
      }
    }),
  );
  if (stale.length > 0) {
    for (const [id, dir] of await buildStale(stale, options, hashes)) built.set(id, { dir, fromCache: false });
  }
  return built;
}

/** The key of a unit: everything that decides its outputs except the content of the files it reads. */
function unitKey(unit: BuildUnit, options: CachedBuildOptions): string {
  const entries = unit.entryPoints.map((entry) => ({ in: path.relative(options.root, entry.in), out: entry.out }));
  return sha256(JSON.stringify({ esbuildVersion, settings: options.esbuild, entries })).slice(0, 24);
}

async function readCacheEntry(
  options: CachedBuildOptions,
  key: string,
  hashes: FileHashes,
): Promise<string | undefined> {
  const entryFile = path.join(options.cacheDir, key, 'current.json');
  const entry = await readFile(entryFile, 'utf8').then(
    (text) => JSON.parse(text) as CacheEntry,
    () => undefined,
  );
  if (!entry) return undefined;
  const contentDir = path.join(options.cacheDir, key, entry.contentDir);
  if (!(await stat(contentDir).catch(() => undefined))?.isDirectory()) return undefined;
  const current = await Promise.all(
    Object.entries(entry.inputs).map(async ([file, hash]) => (await hashFile(options.root, file, hashes)) === hash),
  );
  return current.every(Boolean) ? contentDir : undefined;
}

async function buildStale(
  stale: readonly { unit: BuildUnit; key: string }[],
  options: CachedBuildOptions,
  hashes: FileHashes,
): Promise<Map<string, string>> {
  const scratch = `.building-${randomUUID()}`;
  const outdir = options.cacheDir;
  const result = await withEsbuild(() =>
    build({
      ...options.esbuild,
      absWorkingDir: options.root,
      entryPoints: stale.flatMap(({ unit, key }) =>
        unit.entryPoints.map((entry) => ({ in: entry.in, out: path.join(key, scratch, entry.out) })),
      ),
      outdir,
      metafile: true,
      write: true,
    }),
  );
  const done = new Map<string, string>();
  await Promise.all(
    stale.map(async ({ unit, key }) => {
      const scratchDir = path.join(outdir, key, scratch);
      const inputs = await unitInputs(result.metafile, path.relative(options.root, scratchDir), options.root, hashes);
      const contentDir = sha256(JSON.stringify(inputs)).slice(0, 16);
      const finalDir = path.join(outdir, key, contentDir);
      try {
        await rename(scratchDir, finalDir);
      } catch {
        // Another start built the same content first: its directory is as good as ours.
        await rm(scratchDir, { recursive: true, force: true });
      }
      await writeJsonAtomic(path.join(outdir, key, 'current.json'), { inputs, contentDir } satisfies CacheEntry);
      await pruneUnused(path.join(outdir, key), contentDir);
      done.set(unit.id, finalDir);
    }),
  );
  return done;
}

let buildsRunning = 0;

/**
 * Runs an esbuild call and stops esbuild's service process once no call is left: it keeps well over
 * a gigabyte after a large build, for nothing, as long as it lives.
 */
async function withEsbuild<T>(run: () => Promise<T>): Promise<T> {
  buildsRunning++;
  try {
    return await run();
  } finally {
    buildsRunning--;
    if (buildsRunning === 0) await stopEsbuild();
  }
}

/** The hash of every input of the outputs under `scratchDir` (paths relative to the root, as esbuild names them). */
async function unitInputs(
  metafile: Metafile,
  scratchDir: string,
  root: string,
  hashes: FileHashes,
): Promise<Record<string, string>> {
  const files = new Set<string>();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    if (!output.startsWith(`${scratchDir}${path.sep}`) && !output.startsWith(`${scratchDir}/`)) continue;
    for (const input of Object.keys(inputs)) files.add(input);
  }
  const sorted = [...files].sort();
  const hashed = await Promise.all(sorted.map(async (file) => [file, await hashFile(root, file, hashes)] as const));
  return Object.fromEntries(hashed);
}

function hashFile(root: string, file: string, hashes: FileHashes): Promise<string> {
  let hash = hashes.get(file);
  if (!hash) {
    hash = readFile(path.resolve(root, file)).then(sha256, () => MISSING);
    hashes.set(file, hash);
  }
  return hash;
}

/** Removes a unit's other content directories (and scratch left by a crashed build) once no start has used them for a day. */
async function pruneUnused(unitDir: string, keep: string): Promise<void> {
  const cutoff = Date.now() - KEEP_UNUSED_MS;
  for (const name of await readdir(unitDir).catch(() => [] as string[])) {
    if (name === keep || name.startsWith('current.json')) continue;
    const dir = path.join(unitDir, name);
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() && info.mtimeMs < cutoff) await rm(dir, { recursive: true, force: true });
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
