import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const RESULTS_DIR = path.join(import.meta.dirname, '..', 'results');

/**
 * Writes a benchmark's results as `<name>-<measuredAt>.json` and `<name>-latest.json` in bench/results/,
 * and `<name>-latest.md` when given its `markdown`. Resolves with the paths written.
 */
export async function writeBenchResults(
  name: string,
  results: { measuredAt: string },
  markdown?: string,
): Promise<string[]> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = results.measuredAt.replaceAll(':', '-').replace('.', '-');
  const text = JSON.stringify(results, null, 2);
  const files = [path.join(RESULTS_DIR, `${name}-${stamp}.json`), path.join(RESULTS_DIR, `${name}-latest.json`)];
  await writeFile(files[0]!, text);
  await writeFile(files[1]!, text);
  if (markdown !== undefined) {
    files.push(path.join(RESULTS_DIR, `${name}-latest.md`));
    await writeFile(files[2]!, markdown);
  }
  return files;
}
