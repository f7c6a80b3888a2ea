import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** Read and write for the owner, nothing for anyone else. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes a file that only its owner may read (mode 0600), for what holds an API key: written to a
 * new file of that mode and renamed over the old one, so neither a reader nor another user ever
 * sees it half-written or with the mode of an older file.
 *
 * @example
 * ```ts
 * await writePrivateFile('.data/local/endpoints.json', JSON.stringify(endpoints, null, 2));
 * ```
 */
export async function writePrivateFile(path: string, content: string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
