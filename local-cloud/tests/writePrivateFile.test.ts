import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writePrivateFile } from '../src/access/writePrivateFile.js';

describe('writePrivateFile', () => {
  let dir: string;
  const modeOf = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sdp-private-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a new file readable by its owner only', async () => {
    // Prepare
    const file = path.join(dir, 'endpoints.json');

    // Act
    await writePrivateFile(file, '{"apiKey":"sdp_x"}');

    // Assess
    expect({
      mode: await modeOf(file),
      content: await readFile(file, 'utf8'),
      files: await readdir(dir),
    }).toStrictEqual({
      mode: '600',
      content: '{"apiKey":"sdp_x"}',
      files: ['endpoints.json'],
    });
  });

  it('replaces a file that others could read with one they cannot', async () => {
    // Prepare
    const file = path.join(dir, 'endpoints.json');
    await writeFile(file, '{"apiKey":"old"}', { mode: 0o644 });

    // Act
    await writePrivateFile(file, '{"apiKey":"new"}');

    // Assess
    expect({
      mode: await modeOf(file),
      content: await readFile(file, 'utf8'),
      files: await readdir(dir),
    }).toStrictEqual({
      mode: '600',
      content: '{"apiKey":"new"}',
      files: ['endpoints.json'],
    });
  });
});
