import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFilesOf } from '../src/project/configFilesOf.js';

let root: string;
let service: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'config-files-'));
  service = path.join(root, 'services', 'enrich');
  await mkdir(path.join(service, 'src'), { recursive: true });
  await mkdir(path.join(root, 'config', 'src'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('configFilesOf', () => {
  it('finds a YAML configuration and the files its ${file()} variables read, relative to the service', async () => {
    // Prepare
    await writeFile(path.join(service, 'serverless.yml'), 'provider: ${file(../../serverless.base.yml):provider}\n');
    await writeFile(path.join(root, 'serverless.base.yml'), 'provider: {}\n');
    await writeFile(path.join(service, 'src', 'handler.ts'), 'export const handler = 1;\n');

    // Act
    const files = await configFilesOf(service);

    // Assess
    expect(files).toStrictEqual([path.join(root, 'serverless.base.yml'), path.join(service, 'serverless.yml')]);
  });

  it('follows the relative imports of a TypeScript configuration, `.js` specifiers to `.ts` files, once each', async () => {
    // Prepare
    await writeFile(
      path.join(service, 'serverless.mjs'),
      "import { tsImport } from 'tsx/esm/api';\nexport default (await tsImport('./serverless.ts', import.meta.url)).default;\n",
    );
    await writeFile(
      path.join(service, 'serverless.ts'),
      "import { defineService } from '../../config/src/index.js';\nimport type { X } from '../../config/src/types.js';\n",
    );
    await writeFile(
      path.join(root, 'config', 'src', 'index.ts'),
      "export { defineService } from './defineService.js';\nexport * from './missing.js';\n",
    );
    await writeFile(path.join(root, 'config', 'src', 'defineService.ts'), "import './types.js';\n");
    await writeFile(path.join(root, 'config', 'src', 'types.ts'), 'export type X = 1;\n');

    // Act
    const files = await configFilesOf(service);

    // Assess
    expect(files).toStrictEqual([
      path.join(root, 'config', 'src', 'defineService.ts'),
      path.join(root, 'config', 'src', 'index.ts'),
      path.join(root, 'config', 'src', 'types.ts'),
      path.join(service, 'serverless.mjs'),
      path.join(service, 'serverless.ts'),
    ]);
  });
});
