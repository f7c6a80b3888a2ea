/**
 * `npm run import`: historical events into the platform, with their original event time.
 *
 *   npm run import -- history.ndjson            # NDJSON (.ndjson, .jsonl, .json), CSV (.csv) or Parquet (.parquet)
 *   npm run import -- export.txt --format csv   # a format the file's extension does not say
 *
 * Each row is an ad event (`type` bid, imp or click, with `event_time`) or a clickstream event
 * (`user_id`, `event_timestamp`, `event_name`), as `POST /import` takes them (README "Importing
 * history"). Rows go in requests of 500, four at once; the command prints progress, then a summary:
 * accepted, rejected by reason with the first rejected lines, duplicates. Importing the same file
 * again adds nothing. Talks to the running platform: the local cloud's (from .data/local/endpoints.json,
 * with its key) or any `--url` with a key of the `import` scope in `SDP_API_KEY`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exitWith, formatOfFile, importRows, platformApi, readImportFile, type ImportFormat } from '@sdp/shared-cli';

const FORMATS: readonly ImportFormat[] = ['ndjson', 'csv', 'parquet'];
const root = path.resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
    format: { type: 'string' },
  },
});
const [file] = positionals;
if (!file) exitWith('Usage: npm run import -- <file.ndjson|file.csv|file.parquet> [--format ndjson|csv|parquet]');
const format = (values.format ?? formatOfFile(file)) as ImportFormat | undefined;
if (!format || !FORMATS.includes(format))
  exitWith(`Say the file's format with --format ${FORMATS.join('|')}: '${path.basename(file)}' does not name one.`);

const api = await platformApi({ dataDir: values['data-dir'], ...(values.url ? { url: values.url } : {}) });
const rows = await readImportFile(file, format).catch((error: unknown) =>
  exitWith(`Cannot read ${file} as ${format}: ${(error as Error).message}`),
);
const startedAt = performance.now();
let lastPrinted = 0;
const summary = await importRows(rows, {
  request: api.request,
  onProgress: (done) => {
    if (performance.now() - lastPrinted < 1_000 && done < rows.length) return;
    lastPrinted = performance.now();
    const rate = Math.round(done / ((performance.now() - startedAt) / 1000));
    console.log(
      `${done.toLocaleString('en')} of ${rows.length.toLocaleString('en')} rows (${rate.toLocaleString('en')} rows/s)`,
    );
  },
});

const seconds = (performance.now() - startedAt) / 1000;
const rejected = Object.values(summary.rejectedBy).reduce((sum, count) => sum + count, 0);
console.log(`\n${path.basename(file)}: ${summary.rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);
console.log(`  accepted    ${summary.accepted.toLocaleString('en')}`);
console.log(`  duplicates  ${summary.duplicates.toLocaleString('en')} (identical rows, written once)`);
console.log(`  rejected    ${rejected.toLocaleString('en')}`);
for (const [code, count] of Object.entries(summary.rejectedBy).sort((a, b) => b[1] - a[1]))
  console.log(`    ${code.padEnd(18)} ${count.toLocaleString('en')}`);
for (const { at, code, message } of summary.rejections.slice(0, 20)) console.log(`  ${at}: ${code}: ${message}`);
if (summary.rejections.length > 20) console.log(`  … ${rejected - 20} more rejected rows`);
process.exitCode = rejected > 0 ? 2 : 0;
