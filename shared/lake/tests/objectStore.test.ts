import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { directoryObjectStore } from '../src/objectStore.js';

describe('directoryObjectStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sdp-store-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, lists recursively (sorted), gets and deletes objects', async () => {
    // Prepare
    const store = directoryObjectStore(dir);

    // Act
    await store.put('t/b.txt', 'B');
    await store.put('t/x/a.txt', 'A');
    const listed = await store.list('t/');
    const body = Buffer.from((await store.get('t/x/a.txt'))!).toString();
    await store.delete(['t/b.txt']);

    // Assess
    expect({ listed, body, after: await store.list('t/'), missing: await store.get('t/b.txt') }).toStrictEqual({
      listed: ['t/b.txt', 't/x/a.txt'],
      body: 'A',
      after: ['t/x/a.txt'],
      missing: undefined,
    });
  });

  it('leaves no temporary file behind and lists nothing for a missing prefix', async () => {
    // Prepare
    const store = directoryObjectStore(dir);

    // Act
    await store.put('t/a.txt', 'A');

    // Assess
    expect(await readdir(path.join(dir, 't'))).toStrictEqual(['a.txt']);
    expect(await store.list('nothing/')).toStrictEqual([]);
  });

  it('refuses a key that leaves the directory', async () => {
    // Act / Assess
    await expect(directoryObjectStore(dir).put('../escape.txt', 'x')).rejects.toThrow(
      "The key '../escape.txt' leaves the store",
    );
  });
});
