import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Reads an API Gateway v2 request body as JSON, checking in the order a client should fix things:
 * media type (415), size (413), syntax (400 `invalid_json`).
 *
 * @example
 * readJsonBody({ headers: { 'content-type': 'application/json' }, body: '{"tx_id":"t1"}' }, { maxBytes: 1024 })
 * // { tx_id: 't1' }
 */
export function readJsonBody(
  event: Pick<APIGatewayProxyEventV2, 'headers' | 'body' | 'isBase64Encoded'>,
  limits: { maxBytes: number },
): unknown {
  const contentType = event.headers['content-type'];
  const mediaType = contentType?.split(';', 1)[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) throw new UnsupportedMediaTypeError(contentType);

  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : undefined;
  // A string's UTF-8 size is at most three bytes per UTF-16 unit, so most bodies skip the exact count.
  const size = bytes ? bytes.length : raw.length * 3 <= limits.maxBytes ? raw.length : Buffer.byteLength(raw, 'utf8');
  if (size > limits.maxBytes) throw new PayloadTooLargeError(size, limits.maxBytes);
  const text = bytes ? decodeUtf8(bytes) : raw;
  if (text.trim() === '') throw new InvalidJsonError('the body is empty');

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'it nests too deeply';
    throw new InvalidJsonError(detail, error);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch (error) {
    throw new InvalidJsonError('it is not valid UTF-8', error);
  }
}
