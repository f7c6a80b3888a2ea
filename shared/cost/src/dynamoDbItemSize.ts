/** A DynamoDB attribute value as the wire protocol writes it (binary as base64 text or bytes). */
export type WireAttributeValue =
  | { S: string }
  | { N: string }
  | { B: string | Uint8Array }
  | { BOOL: boolean }
  | { NULL: true }
  | { L: WireAttributeValue[] }
  | { M: Record<string, WireAttributeValue> }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: (string | Uint8Array)[] };

const LIST_OR_MAP_OVERHEAD = 3;
const ELEMENT_OVERHEAD = 1;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const binaryBytes = (value: string | Uint8Array): number =>
  typeof value === 'string' ? Buffer.from(value, 'base64').length : value.length;

/** A number's size: one byte per two significant digits (leading and trailing zeros trimmed), plus one. */
function numberBytes(text: string): number {
  const digits = text
    .replace(/^[+-]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function valueBytes(value: WireAttributeValue): number {
  if ('S' in value) return utf8Bytes(value.S);
  if ('N' in value) return numberBytes(value.N);
  if ('B' in value) return binaryBytes(value.B);
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('L' in value)
    return LIST_OR_MAP_OVERHEAD + value.L.reduce((sum, element) => sum + ELEMENT_OVERHEAD + valueBytes(element), 0);
  if ('M' in value) {
    return (
      LIST_OR_MAP_OVERHEAD +
      Object.entries(value.M).reduce(
        (sum, [name, element]) => sum + ELEMENT_OVERHEAD + utf8Bytes(name) + valueBytes(element),
        0,
      )
    );
  }
  if ('SS' in value) return value.SS.reduce((sum, element) => sum + utf8Bytes(element), 0);
  if ('NS' in value) return value.NS.reduce((sum, element) => sum + numberBytes(element), 0);
  return value.BS.reduce((sum, element) => sum + binaryBytes(element), 0);
}

/**
 * The size DynamoDB bills an item by: the UTF-8 length of every attribute name plus the size of its
 * value, by the rules of "Item sizes and formats" in the DynamoDB developer guide.
 *
 * @example
 * dynamoDbItemSize({ pk: { S: 'campaign#7' }, bids: { N: '1200' } }) // 2 + 10 + 4 + 2 = 18
 */
export function dynamoDbItemSize(item: Record<string, WireAttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8Bytes(name) + valueBytes(value), 0);
}
