import { athenaBilledBytes, httpApiRequests, kinesisPayloadUnits, lambdaGbSeconds } from '../src/billedUnits.js';
import { dynamoDbItemSize } from '../src/dynamoDbItemSize.js';
import { readRequestUnits, writeRequestUnits } from '../src/dynamoDbRequestUnits.js';
import { PRICE_TABLE } from '../src/priceTable.js';
import { priceUsage } from '../src/priceUsage.js';

describe('DynamoDB item sizes, as the developer guide computes them', () => {
  it.each([
    ['a string: name and value in UTF-8', { pk: { S: 'campaign#7' } }, 2 + 10],
    ['a multi-byte string', { name: { S: 'Größe' } }, 4 + 7],
    ['a number: one byte per two significant digits, plus one', { bids: { N: '1200' } }, 4 + 2],
    ['a number with leading and trailing zeros trimmed', { spend: { N: '-000.012300' } }, 5 + 3],
    ['a boolean and a null', { ok: { BOOL: true }, gone: { NULL: true } }, 2 + 1 + 4 + 1],
    ['binary from base64', { blob: { B: Buffer.from('abcdef').toString('base64') } }, 4 + 6],
    [
      'a map: 3 bytes, and per entry 1 byte, its name and its value',
      { m: { M: { a: { S: 'xy' }, b: { N: '5' } } } },
      1 + 3 + (1 + 1 + 2) + (1 + 1 + 2),
    ],
    ['an empty list', { l: { L: [] } }, 1 + 3],
    ['a string set', { tags: { SS: ['ab', 'cde'] } }, 4 + 5],
  ])('%s', (_, item, bytes) => {
    // Act
    const size = dynamoDbItemSize(item as Parameters<typeof dynamoDbItemSize>[0]);

    // Assess
    expect(size).toBe(bytes);
  });
});

describe('DynamoDB request units', () => {
  it.each([
    [100, false, 1],
    [1024, false, 1],
    [1025, false, 2],
    [1536, true, 4],
    [3 * 1024, true, 6],
    [0, false, 1],
  ])('a write of %i bytes (transactional: %s) costs %i write request units', (bytes, transactional, units) => {
    // Act
    const cost = writeRequestUnits(bytes, { transactional });

    // Assess
    expect(cost).toBe(units);
  });

  it.each([
    [3_500, 'eventual', 0.5],
    [8_192, 'eventual', 1],
    [8_192, 'strong', 2],
    [8_192, 'transactional', 4],
    [4_097, 'strong', 2],
  ] as const)('a read of %i bytes (%s) costs %d read request units', (bytes, consistency, units) => {
    // Act
    const cost = readRequestUnits(bytes, consistency);

    // Assess
    expect(cost).toBe(units);
  });
});

describe('other billed units', () => {
  it('rounds each Kinesis record up to 25 KB payload units', () => {
    // Act
    const units = [1, 25 * 1024, 25 * 1024 + 1, 30 * 1024].map(kinesisPayloadUnits);

    // Assess
    expect(units).toStrictEqual([1, 1, 2, 2]);
  });

  it('bills Lambda memory times the duration rounded up to the millisecond', () => {
    // Act
    const gbSeconds = [lambdaGbSeconds(1024, 120.3), lambdaGbSeconds(512, 1), lambdaGbSeconds(128, 0.2)];

    // Assess
    expect(gbSeconds).toStrictEqual([0.121, 0.0005, 0.000125]);
  });

  it('meters HTTP API requests in 512 KB increments and Athena scans from 10 MB up', () => {
    // Act
    const requests = [0, 512 * 1024, 600 * 1024].map(httpApiRequests);
    const scanned = [0, 1024, 11 * 1024 * 1024 + 1].map(athenaBilledBytes);

    // Assess
    expect(requests).toStrictEqual([1, 1, 2]);
    expect(scanned).toStrictEqual([10 * 1024 * 1024, 10 * 1024 * 1024, 12 * 1024 * 1024]);
  });
});

describe('priceUsage', () => {
  it('prices each unit at the table’s list price and adds them up', () => {
    // Act
    const priced = priceUsage({
      dynamoDbWriteRequestUnit: 4_000_000,
      lambdaRequest: 1_000_000,
      kinesisShardHour: 2 * 730,
    });

    // Assess
    expect(priced.byUnit).toStrictEqual({
      dynamoDbWriteRequestUnit: expect.closeTo(2.5, 10),
      lambdaRequest: expect.closeTo(0.2, 10),
      kinesisShardHour: expect.closeTo(21.9, 10),
    });
    expect(priced.totalUsd).toBeCloseTo(24.6, 10);
  });

  it('dates the price table and names a source for every price', () => {
    // Assess
    expect(PRICE_TABLE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      Object.values(PRICE_TABLE.prices).every(
        ({ source, usdPerUnit }) => source.startsWith('https://aws.amazon.com/') && usdPerUnit > 0,
      ),
    ).toBe(true);
  });
});
