import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ApiError, InvalidJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../src/http/errors.js';
import { readJsonBody } from '../src/http/readJsonBody.js';

type BodyEvent = Pick<APIGatewayProxyEventV2, 'headers' | 'body' | 'isBase64Encoded'>;

const JSON_HEADERS = { 'content-type': 'application/json' };
const LIMITS = { maxBytes: 1024 };

function requestOf(overrides: Partial<BodyEvent> = {}): BodyEvent {
  return { headers: JSON_HEADERS, body: '{"tx_id":"t1"}', isBase64Encoded: false, ...overrides };
}

/** Runs `act` and returns what it threw, so a test can assert the whole error. */
function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** The parts of an `ApiError` a client sees. */
function describeApiError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  return {
    name: error.name,
    statusCode: error.statusCode,
    code: error.code,
    message: error.message,
    violations: error.violations,
    headers: error.headers,
  };
}

function unsupportedMediaType(message: string): unknown {
  return {
    name: 'UnsupportedMediaTypeError',
    statusCode: 415,
    code: 'unsupported_media_type',
    message,
    violations: undefined,
    headers: {},
  };
}

function payloadTooLarge(actualBytes: number, limitBytes: number): unknown {
  return {
    name: 'PayloadTooLargeError',
    statusCode: 413,
    code: 'payload_too_large',
    message: `The body is ${actualBytes} bytes; the limit is ${limitBytes} bytes. Send smaller events or split the batch.`,
    violations: undefined,
    headers: {},
  };
}

function invalidJson(message: string | ReturnType<typeof expect.stringMatching>): unknown {
  return {
    name: 'InvalidJsonError',
    statusCode: 400,
    code: 'invalid_json',
    message,
    violations: undefined,
    headers: {},
  };
}

describe('readJsonBody', () => {
  describe('media type', () => {
    it('parses a JSON object sent as application/json', () => {
      // Prepare
      const request = requestOf({ body: '{"tx_id":"t1","win_price":120}' });

      // Act
      const body = readJsonBody(request, LIMITS);

      // Assess
      expect(body).toStrictEqual({ tx_id: 't1', win_price: 120 });
    });

    it.each([
      ['with a charset parameter', 'application/json; charset=utf-8'],
      ['in mixed case', 'Application/JSON'],
      ['with spaces around the media type', '  application/json  ;charset=UTF-8'],
      ['as a structured +json suffix', 'application/vnd.api+json'],
    ])('accepts a JSON content type %s', (_, contentType) => {
      // Prepare
      const request = requestOf({ headers: { 'content-type': contentType } });

      // Act
      const body = readJsonBody(request, LIMITS);

      // Assess
      expect(body).toStrictEqual({ tx_id: 't1' });
    });

    it('answers 415 naming the missing Content-Type when there is none', () => {
      // Prepare
      const request = requestOf({ headers: {} });

      // Act
      const error = thrownBy(() => readJsonBody(request, LIMITS));

      // Assess
      expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
      expect(describeApiError(error)).toStrictEqual(
        unsupportedMediaType("Got no Content-Type; send the body as JSON with 'Content-Type: application/json'."),
      );
    });

    it.each([
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'text/json',
      'application/octet-stream',
    ])('answers 415 quoting the Content-Type %p', (contentType) => {
      // Prepare
      const request = requestOf({ headers: { 'content-type': contentType } });

      // Act
      const error = thrownBy(() => readJsonBody(request, LIMITS));

      // Assess
      expect(describeApiError(error)).toStrictEqual(
        unsupportedMediaType(`Got '${contentType}'; send the body as JSON with 'Content-Type: application/json'.`),
      );
    });

    it('checks the media type before the size and the syntax', () => {
      // Prepare
      const request = requestOf({ headers: { 'content-type': 'text/plain' }, body: '{'.repeat(2048) });

      // Act
      const error = thrownBy(() => readJsonBody(request, LIMITS));

      // Assess
      expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    });
  });

  describe('size', () => {
    it('accepts a body of exactly the limit', () => {
      // Prepare: {"a":"xxx…"} padded to exactly 64 bytes
      const body = `{"a":"${'x'.repeat(64 - 8)}"}`;
      const request = requestOf({ body });

      // Act
      const parsed = readJsonBody(request, { maxBytes: 64 });

      // Assess
      expect(body).toHaveLength(64);
      expect(parsed).toStrictEqual({ a: 'x'.repeat(56) });
    });

    it('answers 413 with the actual size for a body one byte over the limit', () => {
      // Prepare
      const request = requestOf({ body: `{"a":"${'x'.repeat(57)}"}` });

      // Act
      const error = thrownBy(() => readJsonBody(request, { maxBytes: 64 }));

      // Assess
      expect(error).toBeInstanceOf(PayloadTooLargeError);
      expect(describeApiError(error)).toStrictEqual(payloadTooLarge(65, 64));
    });

    it('counts multi-byte UTF-8 characters by their bytes, not their length', () => {
      // Prepare: 28 characters, but 'é' is 2 bytes and '€' is 3 bytes in UTF-8: 6 + 2*10 + 3*10 + 2 = 58 bytes
      const body = `{"a":"${'é'.repeat(10)}${'€'.repeat(10)}"}`;
      const request = requestOf({ body });

      // Act
      const error = thrownBy(() => readJsonBody(request, { maxBytes: 57 }));

      // Assess
      expect(body).toHaveLength(28);
      expect(describeApiError(error)).toStrictEqual(payloadTooLarge(58, 57));
    });

    it('accepts multi-byte UTF-8 that lands exactly on the limit', () => {
      // Prepare: 6 + 4 * 4 (emoji are 4 bytes, 2 UTF-16 units each) + 2 = 24 bytes
      const body = `{"a":"${'😀'.repeat(4)}"}`;
      const request = requestOf({ body });

      // Act
      const parsed = readJsonBody(request, { maxBytes: 24 });

      // Assess
      expect(parsed).toStrictEqual({ a: '😀😀😀😀' });
    });

    it('answers 413 for 4-byte characters one byte over the limit', () => {
      // Prepare
      const request = requestOf({ body: `{"a":"${'😀'.repeat(4)}"}` });

      // Act
      const error = thrownBy(() => readJsonBody(request, { maxBytes: 23 }));

      // Assess
      expect(describeApiError(error)).toStrictEqual(payloadTooLarge(24, 23));
    });

    it('checks the size before the syntax', () => {
      // Prepare
      const request = requestOf({ body: '['.repeat(100) });

      // Act
      const error = thrownBy(() => readJsonBody(request, { maxBytes: 99 }));

      // Assess
      expect(describeApiError(error)).toStrictEqual(payloadTooLarge(100, 99));
    });
  });

  describe('base64 bodies', () => {
    it('decodes a base64-encoded body before parsing it', () => {
      // Prepare
      const request = requestOf({
        body: Buffer.from('{"tx_id":"t-ü"}', 'utf8').toString('base64'),
        isBase64Encoded: true,
      });

      // Act
      const body = readJsonBody(request, LIMITS);

      // Assess
      expect(body).toStrictEqual({ tx_id: 't-ü' });
    });

    it('holds the decoded body, not its longer base64 text, to the limit', () => {
      // Prepare: 24 bytes of JSON are 32 characters of base64
      const json = `{"a":"${'x'.repeat(16)}"}`;
      const request = requestOf({ body: Buffer.from(json).toString('base64'), isBase64Encoded: true });

      // Act
      const body = readJsonBody(request, { maxBytes: 24 });

      // Assess
      expect(request.body).toHaveLength(32);
      expect(body).toStrictEqual({ a: 'x'.repeat(16) });
    });

    it('answers 413 for a decoded body over the limit', () => {
      // Prepare
      const json = `{"a":"${'x'.repeat(17)}"}`;
      const request = requestOf({ body: Buffer.from(json).toString('base64'), isBase64Encoded: true });

      // Act
      const error = thrownBy(() => readJsonBody(request, { maxBytes: 24 }));

      // Assess
      expect(describeApiError(error)).toStrictEqual(payloadTooLarge(25, 24));
    });
  });

  describe('syntax', () => {
    it.each([
      ['no body at all', undefined],
      ['an empty body', ''],
      ['a body of whitespace', ' \r\n\t '],
    ])('answers invalid_json for %s', (_, body) => {
      // Prepare
      const request = requestOf({ body });

      // Act
      const error = thrownBy(() => readJsonBody(request, LIMITS));

      // Assess
      expect(error).toBeInstanceOf(InvalidJsonError);
      expect(describeApiError(error)).toStrictEqual(
        invalidJson('The body is not valid JSON (the body is empty); send one JSON object.'),
      );
    });

    it('answers invalid_json with the parser detail for a truncated body', () => {
      // Prepare
      const request = requestOf({ body: '{"tx_id":' });

      // Act
      const error = thrownBy(() => readJsonBody(request, LIMITS));

      // Assess
      expect(describeApiError(error)).toStrictEqual(
        invalidJson('The body is not valid JSON (Unexpected end of JSON input); send one JSON object.'),
      );
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    });

    it.each([
      ['single quotes', "{'tx_id':'t1'}"],
      ['a trailing comma', '{"tx_id":"t1",}'],
      ['two documents', '{"a":1}{"b":2}'],
      ['an unquoted key', '{tx_id:"t1"}'],
      ['a bare word', 'undefined'],
    ])('answers invalid_json for %s', (_, body) => {
      // Prepare
      const request = requestOf({ body });

      // Act
      const error = thrownBy(() => readJsonBody(request, LIMITS));

      // Assess
      expect(describeApiError(error)).toStrictEqual(
        invalidJson(expect.stringMatching(/^The body is not valid JSON \(.+\); send one JSON object\.$/)),
      );
    });

    it('answers invalid_json, not a crash, for a million unclosed brackets', () => {
      // Prepare
      const request = requestOf({ body: '['.repeat(1_000_000) });

      // Act
      const error = thrownBy(() => readJsonBody(request, { maxBytes: 5 * 1024 * 1024 }));

      // Assess
      expect(describeApiError(error)).toStrictEqual(
        invalidJson(expect.stringMatching(/^The body is not valid JSON \(.+\); send one JSON object\.$/)),
      );
    });

    it.each([
      ['an array', '[1,2]', [1, 2]],
      ['a string', '"t1"', 't1'],
      ['null', 'null', null],
      ['a number', '42', 42],
    ])('returns %s as parsed, leaving its shape to the schema', (_, body, expected) => {
      // Prepare
      const request = requestOf({ body });

      // Act
      const parsed = readJsonBody(request, LIMITS);

      // Assess
      expect(parsed).toStrictEqual(expected);
    });
  });
});
