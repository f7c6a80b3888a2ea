import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const RESULTS_DIR = path.join(import.meta.dirname, '..', 'results');

/** Writes a benchmark's results as `<name>-<measuredAt>.json` and `<name>-latest.json` in bench/results/. */
export async function writeBenchResults(name: string, results: { measuredAt: string }): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = results.measuredAt.replaceAll(':', '-').replace('.', '-');
  const text = JSON.stringify(results, null, 2);
  await writeFile(path.join(RESULTS_DIR, `${name}-${stamp}.json`), text);
  await writeFile(path.join(RESULTS_DIR, `${name}-latest.json`), text);
}
