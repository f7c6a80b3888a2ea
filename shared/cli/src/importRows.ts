import type { ApiAnswer, ApiRequest } from './apiRequest.js';
import type { FileRow } from './readImportFile.js';

/** What `POST /import` answered for one row that was written. */
export interface ImportedRow {
  event_id: string;
  received_at: string;
  shard_id: string;
  sequence_number: string;
}

export interface ImportSummary {
  rows: number;
  accepted: number;
  /** Rows identical to an earlier row sent in the same request, written once */
  duplicates: number;
  /** Rejected rows by reason (`validation_failed`, `too_old`, `in_future`, `unreadable`, …) */
  rejectedBy: Record<string, number>;
  /** The first rejections, with where the row is in the file */
  rejections: { at: string; code: string; message: string }[];
}

export interface ImportOptions {
  /** How a request is sent: `PlatformApi.request` */
  request: ApiRequest;
  /** Requests in flight at once (default 4) */
  concurrency?: number;
  /** Rows per request (default and most 500) */
  rowsPerRequest?: number;
  /** Called as requests finish, with the rows done so far */
  onProgress?: (done: number, summary: ImportSummary) => void;
  /** Called for every written row */
  onAccepted?: (row: FileRow & { row: unknown }, result: ImportedRow) => void;
  /** Waits before a retry; default a timer */
  sleep?: (ms: number) => Promise<void>;
}

const MAX_ROWS_PER_REQUEST = 500;
/** A request body stays well under `POST /import`'s 5 MiB. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const MAX_ATTEMPTS = 12;
const MAX_REJECTIONS_KEPT = 50;
const RETRYABLE_ROW_CODES = new Set(['stream_throttled', 'stream_unavailable']);

type ResultItem =
  | ({ index: number; status: 'accepted' } & ImportedRow)
  | { index: number; status: 'rejected'; error: { code: string; message: string } }
  | { index: number; status: 'duplicate' };

/**
 * Sends an import file's rows to `POST /import` in requests of up to 500 rows, a few at once, and
 * sums up what became of them. A request the platform cannot take now (429, 503, a lost connection)
 * and the rows a throttled stream did not store are sent again after `Retry-After` (or a growing
 * pause), up to 12 times; every other answer is final. Unreadable rows are counted, never sent.
 *
 * @example
 * const summary = await importRows(await readImportFile('history.ndjson', 'ndjson'), { request: api.request });
 * // { rows: 9000, accepted: 8990, duplicates: 0, rejectedBy: { too_old: 10 }, rejections: [...] }
 */
export async function importRows(rows: readonly FileRow[], options: ImportOptions): Promise<ImportSummary> {
  const { request, concurrency = 4, rowsPerRequest = MAX_ROWS_PER_REQUEST, sleep = defaultSleep } = options;
  const summary: ImportSummary = { rows: rows.length, accepted: 0, duplicates: 0, rejectedBy: {}, rejections: [] };
  const reject = (at: string, code: string, message: string) => {
    summary.rejectedBy[code] = (summary.rejectedBy[code] ?? 0) + 1;
    if (summary.rejections.length < MAX_REJECTIONS_KEPT) summary.rejections.push({ at, code, message });
  };
  const readable: (FileRow & { row: unknown })[] = [];
  for (const row of rows) {
    if ('unreadable' in row) reject(row.at, 'unreadable', row.unreadable);
    else readable.push(row);
  }
  let done = rows.length - readable.length;

  const sendChunk = async (chunk: (FileRow & { row: unknown })[]) => {
    let pending = chunk;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await request('POST', '/import', { rows: pending.map((item) => item.row) }).catch(
        (error: unknown) => ({ status: 0, headers: new Headers(), body: { message: String(error) } }) as ApiAnswer,
      );
      const results = (answer.body as { results?: ResultItem[] }).results;
      const retry: (FileRow & { row: unknown })[] = [];
      if (results && (answer.status === 200 || answer.status === 429 || answer.status === 503)) {
        for (const result of results) {
          const item = pending[result.index]!;
          if (result.status === 'accepted') {
            summary.accepted++;
            options.onAccepted?.(item, result);
          } else if (result.status === 'duplicate') summary.duplicates++;
          else if (RETRYABLE_ROW_CODES.has(result.error.code) && attempt < MAX_ATTEMPTS) retry.push(item);
          else reject(item.at, result.error.code, result.error.message);
        }
      } else if ((answer.status === 0 || answer.status === 429 || answer.status >= 500) && attempt < MAX_ATTEMPTS) {
        retry.push(...pending);
      } else {
        const error = answer.body as { code?: string; message?: string };
        for (const item of pending) reject(item.at, error.code ?? `http_${answer.status}`, error.message ?? '');
      }
      if (retry.length > 0) await sleep(retryDelayMs(answer.headers.get('retry-after'), attempt));
      pending = retry;
    }
    done += chunk.length;
    options.onProgress?.(done, summary);
  };

  const chunks = chunksOf(readable, rowsPerRequest);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, chunks.length) }, async () => {
      while (next < chunks.length) await sendChunk(chunks[next++]!);
    }),
  );
  return summary;
}

/** Rows in requests of at most `size` rows and MAX_REQUEST_BYTES, in file order. */
function chunksOf<Row extends { row: unknown }>(rows: readonly Row[], size: number): Row[][] {
  const chunks: Row[][] = [];
  let chunk: Row[] = [];
  let bytes = 0;
  for (const row of rows) {
    const rowBytes = Buffer.byteLength(JSON.stringify(row.row) ?? '', 'utf8') + 1;
    if (
      chunk.length > 0 &&
      (chunk.length >= Math.min(size, MAX_ROWS_PER_REQUEST) || bytes + rowBytes > MAX_REQUEST_BYTES)
    ) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += rowBytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** `Retry-After` seconds when the platform said, else 0.25 s doubling to 8 s. */
function retryDelayMs(retryAfter: string | null, attempt: number): number {
  const seconds = Number(retryAfter);
  if (retryAfter !== null && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return Math.min(8_000, 250 * 2 ** (attempt - 1));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
