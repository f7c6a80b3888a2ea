import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { formatOfFile, readImportFile } from '../src/readImportFile.js';

describe('readImportFile', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sdp-import-file-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (name: string, content: string | Uint8Array) => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  };

  it('reads NDJSON a row per line with its line number, skipping blank lines and naming lines that are not JSON', async () => {
    // Prepare
    const file = await write(
      'history.ndjson',
      '{"type":"click","tx_id":"t1","event_time":"2026-12-07T09:00:00Z"}\n\n{"type": "bid",\n42\n',
    );

    // Act
    const rows = await readImportFile(file, 'ndjson');

    // Assess
    expect(rows).toStrictEqual([
      { at: 'line 1', row: { type: 'click', tx_id: 't1', event_time: '2026-12-07T09:00:00Z' } },
      { at: 'line 3', unreadable: expect.stringMatching(/^not JSON: /) },
      { at: 'line 4', row: 42 },
    ]);
  });

  it('reads CSV by its header: integers where the contract has them, digits of other fields as text, empty cells absent', async () => {
    // Prepare
    const file = await write(
      'export.csv',
      [
        'type,tx_id,app_uid,campaign_item_id,win_price,event_time',
        'bid,0042,app-1,7,,1796634000000',
        'imp,0042,,,120,2026-12-07T09:00:01Z',
        '"click","0042"',
      ].join('\r\n'),
    );

    // Act
    const rows = await readImportFile(file, 'csv');

    // Assess
    expect(rows).toStrictEqual([
      {
        at: 'line 2',
        row: { type: 'bid', tx_id: '0042', app_uid: 'app-1', campaign_item_id: 7, event_time: 1796634000000 },
      },
      { at: 'line 3', row: { type: 'imp', tx_id: '0042', win_price: 120, event_time: '2026-12-07T09:00:01Z' } },
      { at: 'line 4', unreadable: 'has another number of cells than the header' },
    ]);
  });

  it('reads Parquet rows with plain values: integers as numbers, timestamps as ISO 8601, nulls absent', async () => {
    // Prepare
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'user_id', data: ['u1', 'u2'], type: 'STRING' },
        {
          name: 'event_timestamp',
          data: [new Date('2026-12-07T09:00:00Z'), new Date('2026-12-07T09:00:05Z')],
          type: 'TIMESTAMP',
        },
        { name: 'event_name', data: ['detail', 'purchase'], type: 'STRING' },
        { name: 'quantity', data: [null, 2n], type: 'INT64' },
      ],
    });
    const file = await write('clicks.parquet', new Uint8Array(buffer));

    // Act
    const rows = await readImportFile(file, 'parquet');

    // Assess
    expect(rows).toStrictEqual([
      { at: 'row 1', row: { user_id: 'u1', event_timestamp: '2026-12-07T09:00:00.000Z', event_name: 'detail' } },
      {
        at: 'row 2',
        row: { user_id: 'u2', event_timestamp: '2026-12-07T09:00:05.000Z', event_name: 'purchase', quantity: 2 },
      },
    ]);
  });

  it('knows a format by the file extension, and no format for others', () => {
    // Act & Assess
    expect(['a.ndjson', 'b.JSONL', 'c.json', 'd.csv', 'e.parquet', 'f.txt'].map(formatOfFile)).toStrictEqual([
      'ndjson',
      'ndjson',
      'ndjson',
      'csv',
      'parquet',
      undefined,
    ]);
  });
});
