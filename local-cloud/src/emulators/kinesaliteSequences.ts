import { createHash } from 'node:crypto';
import kinesaliteDb from 'kinesalite/db/index.js';

/** A decoded kinesalite sequence number (the fields kinesalite's own `parseSequence` returns). */
export interface SequenceFields {
  shardCreateTime: number;
  seqIx?: string | number;
  byte1?: string;
  seqTime?: number;
  seqRand?: string;
  shardIx: number;
  version?: number;
}

/** kinesalite's sequence helpers, as its actions call them through `require('kinesalite/db')`. */
export interface KinesaliteDb {
  parseSequence(sequence: string): SequenceFields;
  stringifySequence(fields: SequenceFields): string;
  incrementSequence(fields: SequenceFields | string, seqTime?: number | null): string;
  partitionKeyToHashKey(partitionKey: string): { comparedTo(other: unknown): number };
}

const POW_2_124 = 2n ** 124n;
const POW_2_124_NEXT = 2n ** 125n * 16n;
const POW_2_185 = 2n ** 185n;
const POW_2_185_NEXT = (2n ** 185n * 3n) / 2n;
const MAX_SHARD_CREATE_SECONDS = 16025175000;

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0').slice(-width);
const shardIxToHex = (shardIx: number | undefined): string => `0000000${(shardIx ?? 0).toString(16)}`.slice(-8);

/**
 * kinesalite's `parseSequence` with native BigInt instead of bignumber.js: the same fields for the
 * same sequence number, at a small fraction of the cost. Kinesalite decodes a sequence number for
 * every record it writes and every record a reader gets, which made bignumber.js the largest single
 * cost of the local cloud's main thread under load.
 */
export function parseSequence(sequence: string): SequenceFields {
  let number = BigInt(sequence);
  if (number < POW_2_124) number += POW_2_124;
  const digits = number.toString(16);
  const version =
    number < POW_2_124_NEXT ? 0 : number > POW_2_185 && number < POW_2_185_NEXT ? parseInt(digits.slice(-1), 16) : null;
  if (version === 2) {
    const seqIxHex = digits.slice(11, 27);
    let shardIxHex = digits.slice(38, 46);
    if (parseInt(seqIxHex[0]!, 16) > 7) throw new Error('Sequence index too high');
    if (parseInt(shardIxHex[0]!, 16) > 7) shardIxHex = `-${shardIxHex}`;
    const shardCreateSecs = parseInt(digits.slice(1, 10), 16);
    if (shardCreateSecs >= MAX_SHARD_CREATE_SECONDS) throw new Error(`Date too large: ${shardCreateSecs}`);
    return {
      shardCreateTime: shardCreateSecs * 1000,
      seqIx: BigInt(`0x${seqIxHex}`).toString(),
      byte1: digits.slice(27, 29),
      seqTime: parseInt(digits.slice(29, 38), 16) * 1000,
      shardIx: parseInt(shardIxHex, 16),
      version,
    };
  }
  if (version === 1) {
    return {
      shardCreateTime: parseInt(digits.slice(1, 10), 16) * 1000,
      byte1: digits.slice(11, 13),
      seqTime: parseInt(digits.slice(13, 22), 16) * 1000,
      seqRand: digits.slice(22, 36),
      seqIx: parseInt(digits.slice(36, 38), 16),
      shardIx: parseInt(digits.slice(38, 46), 16),
      version,
    };
  }
  if (version === 0) {
    const shardCreateSecs = parseInt(digits.slice(1, 10), 16);
    if (shardCreateSecs >= MAX_SHARD_CREATE_SECONDS) throw new Error(`Date too large: ${shardCreateSecs}`);
    return {
      shardCreateTime: shardCreateSecs * 1000,
      byte1: digits.slice(10, 12),
      seqRand: digits.slice(12, 28),
      shardIx: parseInt(digits.slice(28, 32), 16),
      version,
    };
  }
  throw new Error(`Unknown version: ${version}`);
}

/** kinesalite's `stringifySequence` with native BigInt: the same decimal sequence number for the same fields. */
export function stringifySequence(fields: SequenceFields): string {
  const createSeconds = hex(Math.floor(fields.shardCreateTime / 1000), 9);
  const seqSeconds = hex(Math.floor((fields.seqTime || fields.shardCreateTime) / 1000), 9);
  let digits: string;
  if (fields.version == null || fields.version === 2) {
    const seqIx = BigInt(fields.seqIx || 0)
      .toString(16)
      .padStart(16, '0')
      .slice(-16);
    digits = `2${createSeconds}${(fields.shardIx || 0).toString(16).slice(-1)}${seqIx}${fields.byte1 || '00'}${seqSeconds}${shardIxToHex(fields.shardIx)}2`;
  } else if (fields.version === 1) {
    const seqIx = `0${(Number(fields.seqIx) || 0).toString(16)}`.slice(-2);
    digits = `2${createSeconds}${(fields.shardIx || 0).toString(16).slice(-1)}${fields.byte1 || '00'}${seqSeconds}${fields.seqRand || '00000000000000'}${seqIx}${shardIxToHex(fields.shardIx)}1`;
  } else if (fields.version === 0) {
    digits = `1${createSeconds}${fields.byte1 || '00'}${fields.seqRand || '0000000000000000'}${shardIxToHex(fields.shardIx).slice(-4)}`;
  } else {
    throw new Error(`Unknown version: ${fields.version}`);
  }
  return BigInt(`0x${digits}`).toString();
}

/** kinesalite's `incrementSequence`, through the BigInt helpers. */
export function incrementSequence(fields: SequenceFields | string, seqTime?: number | null): string {
  const parsed = typeof fields === 'string' ? parseSequence(fields) : fields;
  return stringifySequence({
    shardCreateTime: parsed.shardCreateTime,
    seqIx: parsed.seqIx,
    seqTime: seqTime || (parsed.seqTime ?? 0) + 1000,
    shardIx: parsed.shardIx,
  });
}

/**
 * kinesalite's `partitionKeyToHashKey`: the MD5 of the key as a 128-bit number, compared with the
 * shards' hash key ranges (decimal strings) as its callers do, without bignumber.js.
 */
export function partitionKeyToHashKey(partitionKey: string): { comparedTo(other: unknown): number } {
  const hashKey = BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
  return {
    comparedTo(other: unknown): number {
      const against = BigInt(String(other));
      return hashKey < against ? -1 : hashKey > against ? 1 : 0;
    },
  };
}

let installed = false;

/**
 * Puts the BigInt helpers in place of kinesalite's own, once per module registry. kinesalite's
 * actions call them through the `db` module's exports, so replacing the exports is enough; the
 * unit tests check that both give the same answers.
 */
export function installFastSequences(db: KinesaliteDb = kinesaliteDb): void {
  if (installed) return;
  Object.assign(db, { parseSequence, stringifySequence, incrementSequence, partitionKeyToHashKey });
  installed = true;
}
