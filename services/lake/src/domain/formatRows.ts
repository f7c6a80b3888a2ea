import type { QueryResult } from '@sdp/shared-lake';

export type OutputFormat = 'table' | 'csv' | 'json';

const text = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * Query rows for a terminal: an aligned table (numbers right-aligned), CSV (RFC 4180 quoting) or JSON.
 *
 * @example
 * formatRows({ columns: [{ name: 'n', type: 'BIGINT' }], rows: [{ n: 1 }], … }, 'csv') // 'n\n1'
 */
export function formatRows(result: Pick<QueryResult, 'columns' | 'rows'>, format: OutputFormat): string {
  const names = result.columns.map((column) => column.name);
  if (format === 'json') return JSON.stringify(result.rows, null, 2);
  if (format === 'csv') {
    const cell = (value: unknown) =>
      /[",\n\r]/.test(text(value)) ? `"${text(value).replaceAll('"', '""')}"` : text(value);
    return [
      names.map(cell).join(','),
      ...result.rows.map((row) => names.map((name) => cell(row[name])).join(',')),
    ].join('\n');
  }
  const cells = result.rows.map((row) => names.map((name) => text(row[name])));
  const widths = names.map((name, i) => Math.max(name.length, ...cells.map((row) => row[i]!.length)));
  const numeric = names.map(
    (_, i) =>
      result.rows.length > 0 &&
      result.rows.every((row) => typeof row[names[i]!] === 'number' || row[names[i]!] === null),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => (numeric[i] ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(names), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.map(line)].join('\n');
}
