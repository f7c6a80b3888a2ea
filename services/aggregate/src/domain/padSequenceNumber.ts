import { SEQUENCE_NUMBER_DIGITS } from './constants.js';
import { InvalidSequenceNumberError } from './errors.js';

const DECIMAL = /^\d+$/;

/**
 * A Kinesis sequence number zero-padded to a fixed width, so that string order is numeric order.
 *
 * @example
 * padSequenceNumber('49590338271490256608559692538361571095921575989136588898').length // 129
 * padSequenceNumber('9') < padSequenceNumber('10') // true
 */
export function padSequenceNumber(sequenceNumber: string): string {
  if (!DECIMAL.test(sequenceNumber) || sequenceNumber.length > SEQUENCE_NUMBER_DIGITS) {
    throw new InvalidSequenceNumberError(sequenceNumber);
  }
  return sequenceNumber.padStart(SEQUENCE_NUMBER_DIGITS, '0');
}
