/**
 * `npm run query -- "<SQL>"` or `npm run query -- --saved <name> [--param name=value …]`: runs DuckDB
 * over the local lake (the platform need not be running) and prints the rows as a table, CSV or JSON.
 * `npm run query -- --saved` lists the saved queries.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '@sdp/shared-http';
import { duckDbQueryEngine } from '@sdp/shared-lake';
import { describeLocalResource } from '@sdp/local-cloud';
import { formatRows, type OutputFormat } from '../src/domain/formatRows.js';
import { parseQueryRequest } from '../src/domain/parseQueryRequest.js';
import { SAVED_QUERIES } from '../src/domain/savedQueries.js';

const root = path.resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    saved: { type: 'string' },
    param: { type: 'string', multiple: true, default: [] },
    format: { type: 'string', default: 'table' },
    limit: { type: 'string', default: '1000' },
    'timeout-seconds': { type: 'string', default: '60' },
    lake: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(root, '.data', 'local') },
    'session-timeout-minutes': { type: 'string', default: '5' },
    'bot-events-per-minute': { type: 'string', default: '120' },
  },
});

if (process.argv.includes('--saved') && values.saved === undefined) {
  for (const query of SAVED_QUERIES) {
    const params = query.params
      .map((p) => `${p.name} (${p.type}${p.default === undefined ? '' : `, default ${p.default}`})`)
      .join(', ');
    console.log(`${query.name}\n  ${query.description}\n  params: ${params || 'none'}\n`);
  }
  process.exit(0);
}

const format = values.format as OutputFormat;
if (!['table', 'csv', 'json'].includes(format)) fail(`--format is '${values.format}'; use table, csv or json`);
const lakeDir = values.lake ?? (await localLakeDir(path.resolve(values['data-dir'])));
const sessionTimeoutMs = Number(values['session-timeout-minutes']) * 60_000;
const engine = duckDbQueryEngine(lakeDir, {
  bidsSessionTimeoutMs: sessionTimeoutMs,
  clicksSessionTimeoutMs: sessionTimeoutMs,
  botEventsPerMinute: Number(values['bot-events-per-minute']),
});
try {
  const params = Object.fromEntries(
    values.param.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  const body =
    values.saved === undefined
      ? { sql: positionals.join(' '), limit: Number(values.limit) }
      : { saved: values.saved, params, limit: Number(values.limit) };
  const { sql, limit } = parseQueryRequest(body, new Date(), engine.dialect);
  const result = await engine.query(sql, { maxRows: limit, timeoutMs: Number(values['timeout-seconds']) * 1000 });
  console.log(formatRows(result, format));
  if (format === 'table') {
    console.error(
      `${result.row_count} row${result.row_count === 1 ? '' : 's'}${result.truncated ? ` (truncated at --limit ${limit})` : ''} in ${result.elapsed_ms} ms`,
    );
  }
} catch (error) {
  fail(error instanceof ApiError ? `${error.code}: ${error.message}` : String(error));
} finally {
  await engine.close();
}

/** The directory the local cloud keeps the lake bucket in, for the data directory `npm start` uses. */
async function localLakeDir(dataDir: string): Promise<string> {
  const endpoints = JSON.parse(await readFile(path.join(dataDir, 'endpoints.json'), 'utf8').catch(() => '{}')) as {
    objectStore?: string;
  };
  const bucket = describeLocalResource('LakeBucket', 'AWS::S3::Bucket', {}, 'sdp-lake-local', 'us-east-1')!.ref;
  return path.join(endpoints.objectStore ?? path.join(dataDir, 's3'), bucket);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
