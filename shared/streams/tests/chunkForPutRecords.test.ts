import { chunkForPutRecords, PUT_RECORDS_MAX_BYTES, PUT_RECORDS_MAX_COUNT } from '../src/streams/chunkForPutRecords.js';
import type { StreamRecord } from '../src/streams/types.js';

const MiB = 1024 * 1024;

function streamRecord(dataBytes: number, partitionKey = 'k'): StreamRecord {
  return { partitionKey, data: new Uint8Array(dataBytes) };
}

/** Chunks indices into `records`, the way `putRecordsReliably` uses the function. */
function chunkIndices(records: readonly StreamRecord[]): number[][] {
  return chunkForPutRecords(
    records.map((_, index) => index),
    (index) => records[index]!,
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

describe('chunkForPutRecords', () => {
  it('states the PutRecords limits of Kinesis', () => {
    // Assess
    expect({ count: PUT_RECORDS_MAX_COUNT, bytes: PUT_RECORDS_MAX_BYTES }).toStrictEqual({
      count: 500,
      bytes: 5 * MiB,
    });
  });

  it('returns no chunks for no records', () => {
    // Act
    const chunks = chunkIndices([]);

    // Assess
    expect(chunks).toStrictEqual([]);
  });

  it('keeps a few small records in one call, in order', () => {
    // Prepare
    const records = [streamRecord(10, 'tx-1'), streamRecord(20, 'tx-2'), streamRecord(30, 'tx-3')];

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([[0, 1, 2]]);
  });

  it('puts exactly 500 records in one call', () => {
    // Prepare
    const records = Array.from({ length: 500 }, () => streamRecord(100));

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([range(0, 500)]);
  });

  it('starts a new call after every 500 records, preserving order', () => {
    // Prepare
    const records = Array.from({ length: 1001 }, () => streamRecord(100));

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([range(0, 500), range(500, 1000), [1000]]);
  });

  it('fills a call up to exactly 5 MiB of data plus partition keys', () => {
    // Prepare: five records of 1 MiB each including their 1-byte key
    const records = Array.from({ length: 5 }, () => streamRecord(MiB - 1, 'k'));

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([[0, 1, 2, 3, 4]]);
  });

  it('counts partition keys toward the 5 MiB limit', () => {
    // Prepare: the data alone is exactly 5 MiB, the keys push it over
    const records = Array.from({ length: 5 }, () => streamRecord(MiB, 'k'));

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([[0, 1, 2, 3], [4]]);
  });

  it('counts a partition key by its UTF-8 bytes, not its length', () => {
    // Prepare: 'é' is one character but two bytes, so the first record alone is exactly 5 MiB
    const records = [streamRecord(5 * MiB - 2, 'é'), streamRecord(0, 'k')];

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([[0], [1]]);
  });

  it('packs records by size, keeping their order rather than reordering to fill calls', () => {
    // Prepare: 3 + 3 would overflow, so the small record after them does not jump ahead
    const records = [streamRecord(3 * MiB), streamRecord(3 * MiB), streamRecord(10), streamRecord(2 * MiB)];

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([[0], [1, 2], [3]]);
  });

  it('sends a single record over the limit alone, so the others still go through', () => {
    // Prepare
    const records = [streamRecord(10), streamRecord(6 * MiB), streamRecord(10)];

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([[0], [1], [2]]);
  });

  it('sends an oversized first record alone', () => {
    // Prepare
    const records = [streamRecord(6 * MiB), streamRecord(10), streamRecord(10)];

    // Act
    const chunks = chunkIndices(records);

    // Assess
    expect(chunks).toStrictEqual([[0], [1, 2]]);
  });

  it('returns the items themselves, whatever their type', () => {
    // Prepare
    const items = [
      { id: 'a', record: streamRecord(10) },
      { id: 'b', record: streamRecord(5 * MiB) },
    ];

    // Act
    const chunks = chunkForPutRecords(items, (item) => item.record);

    // Assess
    expect(chunks.map((chunk) => chunk.map((item) => item.id))).toStrictEqual([['a'], ['b']]);
    expect(chunks[0]![0]).toBe(items[0]);
  });
});
