import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ShardPosition } from './types.js';
import { writeJsonAtomic } from './writeJsonAtomic.js';

/**
 * Persists where each shard of one mapping resumes: `<stateDir>/<uuid>/<shardId>.json`, plus
 * `mapping.json` once the starting position of every initial shard has been recorded.
 */
export class CheckpointStore {
  private readonly dir: string;

  public constructor(stateDir: string, uuid: string) {
    this.dir = join(stateDir, uuid);
  }

  public async read(shardId: string): Promise<ShardPosition | undefined> {
    return readJson<ShardPosition>(join(this.dir, `${shardId}.json`));
  }

  public async write(shardId: string, position: ShardPosition): Promise<void> {
    await writeJsonAtomic(join(this.dir, `${shardId}.json`), position);
  }

  public async isInitialized(): Promise<boolean> {
    return (await readJson(join(this.dir, 'mapping.json'))) !== undefined;
  }

  public async markInitialized(details: object): Promise<void> {
    await writeJsonAtomic(join(this.dir, 'mapping.json'), { ...details, initializedAt: new Date().toISOString() });
  }
}

const readJson = async <T>(path: string): Promise<T | undefined> => {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};
