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
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  // A string's length is a lower bound on its UTF-8 size, so most bodies skip the exact count.
  const bytes = text.length * 3 <= limits.maxBytes ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) throw new PayloadTooLargeError(bytes, limits.maxBytes);
  if (text.trim() === '') throw new InvalidJsonError('the body is empty');

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'it nests too deeply';
    throw new InvalidJsonError(detail, error);
  }
}
