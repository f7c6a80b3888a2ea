import type { ApiAnswer } from '../src/apiRequest.js';
import { importRows } from '../src/importRows.js';
import type { FileRow } from '../src/readImportFile.js';

const rowsOf = (count: number): FileRow[] =>
  Array.from({ length: count }, (_, n) => ({ at: `line ${n + 1}`, row: { type: 'click', tx_id: `t${n}` } }));
const answer = (status: number, body: unknown, retryAfter?: string): ApiAnswer => ({
  status,
  headers: new Headers(retryAfter ? { 'retry-after': retryAfter } : {}),
  body,
});
const acceptedResult = (index: number) => ({
  index,
  status: 'accepted',
  event_id: `id-${index}`,
  received_at: '2026-12-07T09:00:00.000Z',
  shard_id: 'shardId-000000000000',
  sequence_number: String(index),
});

describe('importRows', () => {
  it('sends rows in requests of at most 500 and sums up accepted, duplicate and rejected rows with their lines', async () => {
    // Prepare
    const sizes: number[] = [];
    const request = async (_method: string, _route: string, body?: unknown) => {
      const { rows } = body as { rows: unknown[] };
      sizes.push(rows.length);
      return answer(200, {
        results: rows.map((_, index) =>
          index === 1
            ? { index, status: 'duplicate', event_id: 'id-0', duplicate_of: 0 }
            : index === 2
              ? { index, status: 'rejected', error: { code: 'too_old', message: 'The event happened …' } }
              : acceptedResult(index),
        ),
      });
    };
    const rows: FileRow[] = [{ at: 'line 1', unreadable: 'not JSON: …' }, ...rowsOf(1_200)];

    // Act
    const summary = await importRows(rows, { request, concurrency: 2 });

    // Assess
    expect(sizes.sort((a, b) => a - b)).toStrictEqual([200, 500, 500]);
    expect(summary).toStrictEqual({
      rows: 1_201,
      accepted: 1_194,
      duplicates: 3,
      rejectedBy: { unreadable: 1, too_old: 3 },
      rejections: [
        { at: 'line 1', code: 'unreadable', message: 'not JSON: …' },
        ...[3, 503, 1003].map((line) => ({ at: `line ${line}`, code: 'too_old', message: 'The event happened …' })),
      ],
    });
  });

  it('sends again, after Retry-After, a request refused for the moment and the rows a throttled stream did not store', async () => {
    // Prepare
    const answers = [
      answer(429, { code: 'rate_limited', message: 'slow down' }, '2'),
      answer(200, {
        results: [
          acceptedResult(0),
          { index: 1, status: 'rejected', error: { code: 'stream_throttled', message: 'again' } },
          acceptedResult(2),
        ],
      }),
      answer(200, { results: [acceptedResult(0)] }),
    ];
    const sent: unknown[][] = [];
    const waits: number[] = [];
    const request = async (_method: string, _route: string, body?: unknown) => {
      sent.push((body as { rows: unknown[] }).rows);
      return answers.shift()!;
    };

    // Act
    const summary = await importRows(rowsOf(3), { request, sleep: async (ms) => void waits.push(ms) });

    // Assess
    expect(sent.map((rows) => rows.length)).toStrictEqual([3, 3, 1]);
    expect(sent[2]).toStrictEqual([{ type: 'click', tx_id: 't1' }]);
    expect(waits).toStrictEqual([2_000, 500]);
    expect(summary).toMatchObject({ accepted: 3, rejectedBy: {} });
  });

  it('rejects every row of a request the platform refused for good, with its code', async () => {
    // Prepare
    const request = async () => answer(403, { code: 'insufficient_scope', message: 'needs import' });

    // Act
    const summary = await importRows(rowsOf(2), { request });

    // Assess
    expect(summary).toMatchObject({ accepted: 0, rejectedBy: { insufficient_scope: 2 } });
  });
});
