import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';

export type ImportFormat = 'ndjson' | 'csv' | 'parquet';

/** A row of an import file and where it came from (`line 12`, `row 12`), or why it could not be read. */
export type FileRow = { at: string; row: unknown } | { at: string; unreadable: string };

/**
 * Fields a CSV cell holds a whole number for (the contract's integers of `Bid`, `Impression`,
 * `ClickstreamEvent`); every other cell stays text, so a `tx_id` of digits stays a string. Event
 * times may stay text: ingest reads digits and ISO 8601 instants.
 */
const CSV_INTEGER_FIELDS = new Set(['campaign_item_id', 'win_price', 'quantity', 'event_timestamp', 'event_time']);
const INTEGER = /^-?\d{1,16}$/;

/** The format a file's extension names (`.ndjson`, `.jsonl`, `.json`, `.csv`, `.parquet`), if any. */
export function formatOfFile(file: string): ImportFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (['.ndjson', '.jsonl', '.json'].includes(extension)) return 'ndjson';
  if (extension === '.csv') return 'csv';
  if (extension === '.parquet') return 'parquet';
  return undefined;
}

/**
 * Reads an import file into rows, each with where it is in the file: NDJSON (one JSON object per
 * line; blank lines skipped), CSV (a header line names the fields; empty cells are absent) or
 * Parquet (nulls absent, integers as numbers, timestamps as ISO 8601). A line that cannot be read
 * is returned as unreadable with the reason: a bad row never stops the good ones.
 *
 * @example
 * await readImportFile('history.ndjson', 'ndjson')
 * // [{ at: 'line 1', row: { type: 'bid', … } }, { at: 'line 2', unreadable: 'not JSON: Unexpected token …' }]
 */
export async function readImportFile(file: string, format: ImportFormat): Promise<FileRow[]> {
  const bytes = await readFile(file);
  if (format === 'parquet') return readParquetRows(bytes);
  const text = bytes.toString('utf8');
  return format === 'csv' ? readCsvRows(text) : readNdjsonRows(text);
}

function readNdjsonRows(text: string): FileRow[] {
  const rows: FileRow[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const at = `line ${index + 1}`;
    try {
      rows.push({ at, row: JSON.parse(line) });
    } catch (error) {
      rows.push({ at, unreadable: `not JSON: ${(error as Error).message}` });
    }
  });
  return rows;
}

function readCsvRows(text: string): FileRow[] {
  const records = parseCsv(text, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    bom: true,
  }) as { record: Record<string, string>; info: { lines: number; invalid_field_length: number } }[];
  return records.map(({ record, info }) => {
    const at = `line ${info.lines}`;
    if (info.invalid_field_length > 0) return { at, unreadable: 'has another number of cells than the header' };
    const row: Record<string, string | number> = {};
    for (const [field, cell] of Object.entries(record)) {
      if (cell === '') continue;
      row[field] = CSV_INTEGER_FIELDS.has(field) && INTEGER.test(cell) ? Number(cell) : cell;
    }
    return { at, row };
  });
}

async function readParquetRows(bytes: Buffer): Promise<FileRow[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const objects = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  return objects.map((object, index) => ({
    at: `row ${index + 1}`,
    row: Object.fromEntries(
      Object.entries(object)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([field, value]) => [field, plainValue(value)]),
    ),
  }));
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}
