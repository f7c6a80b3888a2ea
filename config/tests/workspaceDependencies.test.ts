import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

interface Workspace {
  dir: string;
  name: string;
  dependencies: string[];
  devDependencies: string[];
}

/** Every workspace package of the root package.json. */
function workspaces(): Workspace[] {
  const globs = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] })
    .workspaces;
  const dirs = globs.flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(path.join(root, glob.slice(0, -2)))
          .map((name) => path.join(glob.slice(0, -2), name))
          .filter((dir) => existsSync(path.join(root, dir, 'package.json')))
      : [glob],
  );
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    return {
      dir,
      name: manifest.name,
      dependencies: Object.keys(manifest.dependencies ?? {}),
      devDependencies: Object.keys(manifest.devDependencies ?? {}),
    };
  });
}

/** The workspace packages (`@sdp/…`) that the TypeScript files under `dirs` import. */
function importedPackages(workspaceDir: string, dirs: string[]): string[] {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry);
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      if (statSync(full).isDirectory()) visit(full);
      else if (/\.(ts|tsx|mts)$/.test(entry)) {
        for (const [, name] of readFileSync(full, 'utf8').matchAll(/from '(@sdp\/[^'/]+)/g)) found.add(name!);
      }
    }
  };
  for (const dir of dirs) visit(path.join(root, workspaceDir, dir));
  return [...found].sort();
}

describe('workspace dependencies', () => {
  const all = workspaces();

  it('finds the shared packages and the services', () => {
    // Assess
    expect(all.map((w) => w.name)).toEqual(
      expect.arrayContaining(['@sdp/shared-contract', '@sdp/shared-http', '@sdp/ingest', '@sdp/local-cloud']),
    );
  });

  it.each(all.map((w) => [w.name, w] as const))(
    '%s declares exactly the workspace packages its code imports, and its tests’ in devDependencies',
    (name, workspace) => {
      // Act
      const used = importedPackages(workspace.dir, ['src', 'scripts', 'container']).filter((n) => n !== name);
      const usedByTests = importedPackages(workspace.dir, ['tests']).filter((n) => n !== name && !used.includes(n));
      const declared = workspace.dependencies.filter((n) => n.startsWith('@sdp/')).sort();
      const declaredForTests = workspace.devDependencies.filter((n) => n.startsWith('@sdp/')).sort();

      // Assess
      expect({ dependencies: declared, devDependencies: declaredForTests }).toStrictEqual({
        dependencies: used,
        devDependencies: usedByTests,
      });
    },
  );
});
