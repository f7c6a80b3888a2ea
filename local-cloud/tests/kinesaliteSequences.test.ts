import kinesaliteDb from 'kinesalite/db/index.js';
import { seededRandom } from '@sdp/shared-runtime';
import {
  incrementSequence,
  parseSequence,
  partitionKeyToHashKey,
  stringifySequence,
  type SequenceFields,
} from '../src/emulators/kinesaliteSequences.js';

/** Fields of sequence numbers of every version, spread over the values kinesalite produces. */
function fieldsOfEveryVersion(count: number): SequenceFields[] {
  const random = seededRandom(20261206);
  const int = (max: number) => Math.floor(random() * max);
  const hexOf = (length: number) => Array.from({ length }, () => int(16).toString(16)).join('');
  return Array.from({ length: count }, (_, i) => {
    const shardCreateTime = (1_500_000_000 + int(400_000_000)) * 1000;
    const seqTime = shardCreateTime + int(90 * 86_400) * 1000;
    const shardIx = i % 10 === 0 ? int(2_000_000) : int(64);
    switch (i % 3) {
      case 0:
        return {
          shardCreateTime,
          seqIx: i % 7 === 0 ? String(int(2 ** 31)) : int(100_000),
          seqTime,
          shardIx,
          byte1: hexOf(2),
          version: 2,
        };
      case 1:
        return { shardCreateTime, seqIx: int(256), seqTime, shardIx, byte1: hexOf(2), seqRand: hexOf(14), version: 1 };
      default:
        return { shardCreateTime, shardIx: int(65_536), byte1: hexOf(2), seqRand: hexOf(16), version: 0 };
    }
  });
}

describe('kinesalite sequence numbers without bignumber.js', () => {
  const cases = fieldsOfEveryVersion(3_000);

  it('writes every sequence number as kinesalite does', () => {
    // Act
    const ours = cases.map(stringifySequence);

    // Assess
    expect(ours).toStrictEqual(cases.map((fields) => kinesaliteDb.stringifySequence(fields)));
  });

  it('reads every sequence number as kinesalite does', () => {
    // Prepare
    const sequences = cases.map((fields) => kinesaliteDb.stringifySequence(fields));

    // Act
    const ours = sequences.map(parseSequence);

    // Assess
    expect(ours).toStrictEqual(sequences.map((sequence) => kinesaliteDb.parseSequence(sequence)));
  });

  it('reads the short sequence numbers of a new shard and rejects what kinesalite rejects', () => {
    // Prepare
    const odd = [
      '0',
      '1',
      '49590338271490256608559692538361571095921575989136588898',
      '99999999999999999999999999999999999999999999999999999999999999',
    ];

    // Act
    const outcome = (parse: (sequence: string) => unknown) =>
      odd.map((sequence) => {
        try {
          return parse(sequence);
        } catch (error) {
          return (error as Error).message;
        }
      });

    // Assess
    expect(outcome(parseSequence)).toStrictEqual(outcome((sequence) => kinesaliteDb.parseSequence(sequence)));
  });

  it('moves a sequence number on as kinesalite does, from fields or from text', () => {
    // Prepare
    const version2 = cases
      .filter((fields) => fields.version === 2)
      .map((fields) => kinesaliteDb.parseSequence(kinesaliteDb.stringifySequence(fields)));

    // Act
    const fromFields = version2.map((fields) => incrementSequence(fields));
    const fromText = version2.map((fields) =>
      incrementSequence(kinesaliteDb.stringifySequence(fields), 1_900_000_000_000),
    );

    // Assess
    expect(fromFields).toStrictEqual(version2.map((fields) => kinesaliteDb.incrementSequence(fields)));
    expect(fromText).toStrictEqual(
      version2.map((fields) =>
        kinesaliteDb.incrementSequence(kinesaliteDb.stringifySequence(fields), 1_900_000_000_000),
      ),
    );
  });

  it('places partition keys in the same hash key ranges as kinesalite', () => {
    // Prepare: the bounds of a four-shard stream, and keys of every kind
    const bounds = [
      '0',
      '85070591730234615865843651857942052863',
      '85070591730234615865843651857942052864',
      '340282366920938463463374607431768211455',
    ];
    const keys = Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? `tx-${i}` : `user-é-${i * 7919}`));

    // Act
    const ours = keys.map((key) => bounds.map((bound) => partitionKeyToHashKey(key).comparedTo(bound)));

    // Assess
    expect(ours).toStrictEqual(
      keys.map((key) => bounds.map((bound) => kinesaliteDb.partitionKeyToHashKey(key).comparedTo(bound))),
    );
  });
});
