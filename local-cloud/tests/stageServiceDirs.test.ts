import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stageServiceDirs } from '../src/project/stageServiceDirs.js';

let root: string;
let staging: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'stage-repo-'));
  staging = await mkdtemp(path.join(os.tmpdir(), 'stage-out-'));
  const service = path.join(root, 'services', 'ingest');
  await mkdir(path.join(service, 'src'), { recursive: true });
  await mkdir(path.join(service, '.serverless'));
  await mkdir(path.join(root, 'node_modules'));
  await mkdir(path.join(root, '.git'));
  await writeFile(path.join(service, 'serverless.yml'), 'service: sdp-ingest\n');
  await writeFile(path.join(service, 'package.json'), '{}');
  await writeFile(path.join(root, 'serverless.base.yml'), 'provider: {}\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
});

const isLink = async (file: string) => (await lstat(file)).isSymbolicLink();

describe('stageServiceDirs', () => {
  it('stands a service in at the same place under the staging root: its config copied, its files linked, its outputs left out', async () => {
    // Act
    const [staged] = await stageServiceDirs(root, [path.join(root, 'services', 'ingest')], staging);

    // Assess
    expect(staged).toBe(path.join(staging, 'services', 'ingest'));
    expect((await readdir(staged!)).sort()).toStrictEqual(['package.json', 'serverless.yml', 'src']);
    expect(await isLink(path.join(staged!, 'serverless.yml'))).toBe(false);
    expect(await readFile(path.join(staged!, 'serverless.yml'), 'utf8')).toBe('service: sdp-ingest\n');
    expect(await readlink(path.join(staged!, 'src'))).toBe(path.join(root, 'services', 'ingest', 'src'));
  });

  it('copies a configuration in any of the formats Serverless reads, serverless.mjs and serverless.ts included', async () => {
    // Prepare
    const service = path.join(root, 'services', 'ingest');
    await rm(path.join(service, 'serverless.yml'));
    await writeFile(path.join(service, 'serverless.mjs'), "export { default } from './serverless.ts';\n");
    await writeFile(path.join(service, 'serverless.ts'), "export default { service: 'sdp-ingest' };\n");

    // Act
    const [staged] = await stageServiceDirs(root, [service], staging);

    // Assess
    expect((await readdir(staged!)).sort()).toStrictEqual(['package.json', 'serverless.mjs', 'serverless.ts', 'src']);
    expect(await isLink(path.join(staged!, 'serverless.mjs'))).toBe(false);
    expect(await isLink(path.join(staged!, 'serverless.ts'))).toBe(false);
  });

  it('links the rest of the repository beside it, but not its services, .git or .data', async () => {
    // Act
    await stageServiceDirs(root, [path.join(root, 'services', 'ingest')], staging);

    // Assess
    expect((await readdir(staging)).sort()).toStrictEqual(['node_modules', 'serverless.base.yml', 'services']);
    expect(await readlink(path.join(staging, 'serverless.base.yml'))).toBe(path.join(root, 'serverless.base.yml'));
    expect(await isLink(path.join(staging, 'services'))).toBe(false);
  });

  it('can stage the same services again', async () => {
    // Prepare
    await stageServiceDirs(root, [path.join(root, 'services', 'ingest')], staging);

    // Act
    const staged = await stageServiceDirs(root, [path.join(root, 'services', 'ingest')], staging);

    // Assess
    expect(staged).toStrictEqual([path.join(staging, 'services', 'ingest')]);
  });
});
