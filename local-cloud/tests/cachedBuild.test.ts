import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Plugin } from 'esbuild';
import { cachedBuild, type BuildUnit, type CachedBuildOptions } from '../src/build/cachedBuild.js';

const GREETING = `export const greeting = (name: string): string => \`Hello, \${name}\`;\n`;
const HANDLER = `import { greeting } from './greeting';\nexport const handler = (name: string): string => greeting(name);\n`;
const HEALTH = `export const handler = (): string => 'ok';\n`;

const ESBUILD: CachedBuildOptions['esbuild'] = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'silent',
};

/** A project with a handler that imports a helper, and a handler that imports nothing. */
const aProject = async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sdp-cached-build-'));
  await mkdir(path.join(root, 'src'));
  await writeFile(path.join(root, 'src', 'greeting.ts'), GREETING);
  await writeFile(path.join(root, 'src', 'greet.ts'), HANDLER);
  await writeFile(path.join(root, 'src', 'health.ts'), HEALTH);
  const cacheDir = path.join(root, '.cache', 'bundles');
  const greet: BuildUnit = { id: 'greet', entryPoints: [{ in: path.join(root, 'src', 'greet.ts'), out: 'greet' }] };
  const health: BuildUnit = { id: 'health', entryPoints: [{ in: path.join(root, 'src', 'health.ts'), out: 'health' }] };
  /** The entry points of each esbuild run, seen by a plugin (plugins' functions do not enter the cache key). */
  const esbuildRuns: string[][] = [];
  const recordRuns: Plugin = {
    name: 'record-runs',
    setup: (esbuild) =>
      esbuild.onStart(() => {
        const entryPoints = esbuild.initialOptions.entryPoints as { in: string }[];
        esbuildRuns.push(entryPoints.map((entry) => path.basename(entry.in)));
      }),
  };
  const build = (units: BuildUnit[], esbuild = ESBUILD) =>
    cachedBuild(units, { esbuild: { ...esbuild, plugins: [recordRuns] }, root, cacheDir });
  return { root, cacheDir, greet, health, build, esbuildRuns };
};

/** Loads a CommonJS bundle without Node's module cache and calls its handler. */
const runHandler = async (file: string, ...args: unknown[]): Promise<unknown> => {
  const module = { exports: {} as { handler?: (...args: unknown[]) => unknown } };
  runInNewContext(await readFile(file, 'utf8'), { module, exports: module.exports });
  return module.exports.handler!(...args);
};

/** `<cacheDir>/<unit key>/<content hash>` */
const contentDirPattern = (cacheDir: string) =>
  new RegExp(`^${cacheDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[0-9a-f]{24}/[0-9a-f]{16}$`);

describe('cachedBuild', () => {
  const roots: string[] = [];
  const project = async () => {
    const created = await aProject();
    roots.push(created.root);
    return created;
  };

  afterAll(async () => {
    await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
  });

  it('builds a unit the first time into a content directory of the cache', async () => {
    // Prepare
    const { cacheDir, greet, build, esbuildRuns } = await project();

    // Act
    const built = await build([greet]);

    // Assess
    const dir = built.get('greet')!.dir;
    expect(built).toStrictEqual(
      new Map([['greet', { dir: expect.stringMatching(contentDirPattern(cacheDir)), fromCache: false }]]),
    );
    expect(await readdir(dir)).toStrictEqual(['greet.js']);
    expect(await runHandler(path.join(dir, 'greet.js'), 'Ada')).toBe('Hello, Ada');
    expect(esbuildRuns).toStrictEqual([['greet.ts']]);
  }, 20_000);

  it('serves a second call with unchanged files from the cache, without building again', async () => {
    // Prepare
    const { greet, build, esbuildRuns } = await project();
    const first = await build([greet]);
    const bundle = path.join(first.get('greet')!.dir, 'greet.js');
    const builtAt = (await stat(bundle)).mtimeMs;

    // Act
    const second = await build([greet]);

    // Assess
    expect(second).toStrictEqual(new Map([['greet', { dir: first.get('greet')!.dir, fromCache: true }]]));
    expect(esbuildRuns).toStrictEqual([['greet.ts']]);
    expect((await stat(bundle)).mtimeMs).toBe(builtAt);
    // No scratch directory of a second build either
    expect((await readdir(path.dirname(first.get('greet')!.dir))).sort()).toStrictEqual(
      [path.basename(first.get('greet')!.dir), 'current.json'].sort(),
    );
  }, 20_000);

  it('rebuilds when an imported file changes, into a new directory, and leaves the old one as it was', async () => {
    // Prepare
    const { root, greet, build } = await project();
    const first = await build([greet]);
    const oldDir = first.get('greet')!.dir;
    await writeFile(path.join(root, 'src', 'greeting.ts'), GREETING.replace('Hello', 'Welcome'));

    // Act
    const second = await build([greet]);

    // Assess
    const newDir = second.get('greet')!.dir;
    expect({
      fromCache: second.get('greet')!.fromCache,
      sameDir: newDir === oldDir,
      sameUnit: path.dirname(newDir) === path.dirname(oldDir),
    }).toStrictEqual({
      fromCache: false,
      sameDir: false,
      sameUnit: true,
    });
    expect(await runHandler(path.join(newDir, 'greet.js'), 'Ada')).toBe('Welcome, Ada');
    expect(await runHandler(path.join(oldDir, 'greet.js'), 'Ada')).toBe('Hello, Ada');
  }, 20_000);

  it('keys a unit by its settings: other esbuild settings build apart', async () => {
    // Prepare
    const { greet, build, esbuildRuns } = await project();
    const plain = await build([greet]);

    // Act
    const minified = await build([greet], { ...ESBUILD, minify: true });
    const plainAgain = await build([greet]);

    // Assess
    const plainDir = plain.get('greet')!.dir;
    const minifiedDir = minified.get('greet')!.dir;
    expect(minified.get('greet')!.fromCache).toBe(false);
    expect(path.dirname(minifiedDir)).not.toBe(path.dirname(plainDir));
    expect(plainAgain).toStrictEqual(new Map([['greet', { dir: plainDir, fromCache: true }]]));
    expect(esbuildRuns).toStrictEqual([['greet.ts'], ['greet.ts']]);
    const [plainCode, minifiedCode] = await Promise.all([
      readFile(path.join(plainDir, 'greet.js'), 'utf8'),
      readFile(path.join(minifiedDir, 'greet.js'), 'utf8'),
    ]);
    expect(minifiedCode.length).toBeLessThan(plainCode.length);
    expect(await runHandler(path.join(minifiedDir, 'greet.js'), 'Ada')).toBe('Hello, Ada');
  }, 20_000);

  it('rebuilds only the stale units of a call', async () => {
    // Prepare
    const { root, greet, health, build, esbuildRuns } = await project();
    const first = await build([greet, health]);
    const healthBundle = path.join(first.get('health')!.dir, 'health.js');
    const healthBuiltAt = (await stat(healthBundle)).mtimeMs;
    await writeFile(path.join(root, 'src', 'greeting.ts'), GREETING.replace('Hello', 'Hi'));

    // Act
    const second = await build([greet, health]);

    // Assess
    expect({
      ids: [...second.keys()].sort(),
      health: second.get('health'),
      greetFromCache: second.get('greet')!.fromCache,
    }).toStrictEqual({
      ids: ['greet', 'health'],
      health: { dir: first.get('health')!.dir, fromCache: true },
      greetFromCache: false,
    });
    expect(second.get('greet')!.dir).not.toBe(first.get('greet')!.dir);
    expect(esbuildRuns).toStrictEqual([['greet.ts', 'health.ts'], ['greet.ts']]);
    expect((await stat(healthBundle)).mtimeMs).toBe(healthBuiltAt);
    expect(await runHandler(path.join(second.get('greet')!.dir, 'greet.js'), 'Ada')).toBe('Hi, Ada');
    expect(await runHandler(healthBundle)).toBe('ok');
  }, 20_000);

  it('rebuilds a unit whose content directory was deleted', async () => {
    // Prepare
    const { greet, build, esbuildRuns } = await project();
    const first = await build([greet]);
    const dir = first.get('greet')!.dir;
    await rm(dir, { recursive: true });

    // Act
    const second = await build([greet]);

    // Assess
    expect(second).toStrictEqual(new Map([['greet', { dir, fromCache: false }]]));
    expect(await runHandler(path.join(dir, 'greet.js'), 'Ada')).toBe('Hello, Ada');
    expect(esbuildRuns).toStrictEqual([['greet.ts'], ['greet.ts']]);
  }, 20_000);

  it('builds back into the earlier directory when a file changes back', async () => {
    // Prepare
    const { root, greet, build } = await project();
    const first = await build([greet]);
    await writeFile(path.join(root, 'src', 'greeting.ts'), GREETING.replace('Hello', 'Welcome'));
    await build([greet]);
    await writeFile(path.join(root, 'src', 'greeting.ts'), GREETING);

    // Act
    const third = await build([greet]);

    // Assess
    expect(third).toStrictEqual(new Map([['greet', { dir: first.get('greet')!.dir, fromCache: false }]]));
    expect(await runHandler(path.join(first.get('greet')!.dir, 'greet.js'), 'Ada')).toBe('Hello, Ada');
    expect(
      (await readdir(path.dirname(first.get('greet')!.dir))).filter((name) => name.startsWith('.building-')),
    ).toStrictEqual([]);
  }, 20_000);

  it('builds again, and reports esbuild’s error, when a file it read is gone', async () => {
    // Prepare
    const { root, greet, build } = await project();
    await build([greet]);
    await rm(path.join(root, 'src', 'greeting.ts'));

    // Act
    const failure = await build([greet]).then(
      () => 'built',
      (error: Error) => error.message,
    );

    // Assess
    expect(failure).toContain('Could not resolve "./greeting"');
  }, 20_000);
});
