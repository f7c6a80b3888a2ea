import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes JSON so that a reader (or a crash) never sees a half-written file.
 *
 * @example
 * ```ts
 * await writeJsonAtomic('.data/state/x.json', { type: 'TRIM_HORIZON' });
 * ```
 */
export const writeJsonAtomic = async (path: string, value: unknown): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(value));
  await rename(temporary, path);
};
