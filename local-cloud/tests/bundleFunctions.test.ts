import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { bundleFunctions } from '../src/functions/bundleFunctions.js';
import type { LocalFunction } from '../src/project/types.js';

const HANDLER = `import { greeting } from '../domain/greeting';\nexport const handler = async (event: { name: string }) => ({ greeting: greeting(event.name) });\n`;
const WORKER = `export const main = async () => 'done';\n`;
const GREETING = `export const greeting = (name: string): string => \`Hello, \${name}\`;\n`;

function localFunction(overrides: Partial<LocalFunction> = {}): LocalFunction {
  return {
    service: 'probe',
    serviceDir: '/unused',
    key: 'greet',
    name: 'probe-test-greet',
    handler: 'src/handlers/greet.handler',
    timeoutSeconds: 6,
    memorySize: 128,
    environment: {},
    writesTables: false,
    esbuild: {},
    routes: [],
    streams: [],
    schedules: [],
    ...overrides,
  };
}

/** Loads a CommonJS bundle without Node's module cache and returns what it exports. */
const loadCommonJs = async (file: string): Promise<Record<string, (...args: unknown[]) => Promise<unknown>>> => {
  const module = { exports: {} };
  runInNewContext(await readFile(file, 'utf8'), { module, exports: module.exports });
  return module.exports;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('bundleFunctions', () => {
  let root: string;
  let serviceDir: string;
  let cacheDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'sdp-bundles-'));
    serviceDir = path.join(root, 'services', 'probe');
    cacheDir = path.join(root, '.data', 'cache', 'bundles');
    await mkdir(path.join(serviceDir, 'src', 'handlers'), { recursive: true });
    await mkdir(path.join(serviceDir, 'src', 'domain'));
    await writeFile(path.join(serviceDir, 'src', 'handlers', 'greet.ts'), HANDLER);
    await writeFile(path.join(serviceDir, 'src', 'handlers', 'work.ts'), WORKER);
    await writeFile(path.join(serviceDir, 'src', 'domain', 'greeting.ts'), GREETING);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('bundles a handler into the cache, names its export, and serves it from the cache the second time', async () => {
    // Prepare
    const greet = localFunction({ serviceDir });

    // Act
    const first = await bundleFunctions([greet], { root, cacheDir });
    const second = await bundleFunctions([greet], { root, cacheDir });

    // Assess
    const bundlePath = first.get('probe-test-greet')!.bundlePath;
    expect(first).toStrictEqual(
      new Map([
        [
          'probe-test-greet',
          {
            bundlePath: expect.stringMatching(
              new RegExp(`^${escapeRegExp(cacheDir)}/[0-9a-f]{24}/[0-9a-f]{16}/greet\\.js$`),
            ),
            exportName: 'handler',
            fromCache: false,
          },
        ],
      ]),
    );
    expect(second).toStrictEqual(
      new Map([['probe-test-greet', { bundlePath, exportName: 'handler', fromCache: true }]]),
    );
    // Defaults as serverless-esbuild's: CommonJS with a source map
    expect((await readdir(path.dirname(bundlePath))).sort()).toStrictEqual(['greet.js', 'greet.js.map']);
    const { handler } = await loadCommonJs(bundlePath);
    expect(await handler!({ name: 'Ada' })).toStrictEqual({ greeting: 'Hello, Ada' });
  }, 20_000);

  it('bundles each function with its own settings, extension and export name', async () => {
    // Prepare
    const greet = localFunction({ serviceDir });
    const work = localFunction({
      serviceDir,
      key: 'work',
      name: 'probe-test-work',
      handler: 'src/handlers/work.main',
      esbuild: { format: 'esm', outputFileExtension: '.mjs', sourcemap: false },
    });
    await bundleFunctions([greet], { root, cacheDir });

    // Act
    const bundles = await bundleFunctions([greet, work], { root, cacheDir });

    // Assess
    const workPath = bundles.get('probe-test-work')!.bundlePath;
    expect(bundles.get('probe-test-work')).toStrictEqual({
      bundlePath: expect.stringMatching(/\/work\.mjs$/),
      exportName: 'main',
      fromCache: false,
    });
    expect(bundles.get('probe-test-greet')).toStrictEqual({
      bundlePath: expect.stringMatching(/\/greet\.js$/),
      exportName: 'handler',
      fromCache: true,
    });
    expect(path.dirname(path.dirname(path.dirname(workPath)))).toBe(cacheDir);
    const workCode = await readFile(workPath, 'utf8');
    expect(workCode).toMatch(/export\s*\{[^}]*\bmain\b[^}]*\}/);
    expect(workCode).not.toContain('sourceMappingURL');
  }, 20_000);
});
