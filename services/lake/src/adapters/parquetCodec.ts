import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { LakeRow, LakeValue } from '../domain/types.js';
import type { LakeTable } from '@sdp/shared-lake';

/**
 * A table's rows as one Parquet file (snappy, statistics on), in pure JavaScript (hyparquet-writer) so
 * the same code runs in Lambda without a native engine (ADR 0007).
 */
export function encodeParquet(table: LakeTable, rows: readonly LakeRow[]): Uint8Array {
  const columnData = table.columns.map(({ name, type, optional }) => ({
    name,
    type,
    nullable: optional === true,
    data: rows.map((row) => toParquetValue(row[name] ?? null, type)),
  }));
  return new Uint8Array(
    parquetWriteBuffer({ columnData: columnData as Parameters<typeof parquetWriteBuffer>[0]['columnData'] }),
  );
}

/** The rows of a Parquet file written by `encodeParquet`, with plain values again. */
export async function decodeParquet(table: LakeTable, file: Uint8Array): Promise<LakeRow[]> {
  const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  const objects = (await parquetReadObjects({
    file: buffer,
    columns: table.columns.map((column) => column.name),
  })) as Record<string, unknown>[];
  return objects.map((object) =>
    Object.fromEntries(table.columns.map(({ name }) => [name, fromParquetValue(object[name])])),
  );
}

function toParquetValue(value: LakeValue, type: LakeTable['columns'][number]['type']): unknown {
  if (value === null) return null;
  if (type === 'INT64') return BigInt(value);
  if (type === 'TIMESTAMP') return new Date(value);
  return value;
}

function fromParquetValue(value: unknown): LakeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return value as string | number;
}

/** One text column of a Parquet file (the others are not decoded). */
export async function readTextColumn(file: Uint8Array, column: string): Promise<string[]> {
  const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  const objects = (await parquetReadObjects({ file: buffer, columns: [column] })) as Record<string, unknown>[];
  return objects.map((object) => String(object[column]));
}
