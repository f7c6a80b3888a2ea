import { validateError, type Violation } from '@sdp/shared-contract';
import {
  ApiError,
  InvalidJsonError,
  InvalidRequestError,
  PayloadTooLargeError,
  StreamUnavailableError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
} from '../src/http/errors.js';
import { toErrorResponse } from '../src/http/toErrorResponse.js';

const REQUEST_ID = 'req-7f3a';

function violation(path: string, message: string): Violation {
  return { path, message };
}

/** The response with its JSON body parsed, so a test can assert all of it at once. */
function respond(error: unknown, requestId = REQUEST_ID): { statusCode: unknown; headers: unknown; body: unknown } {
  const response = toErrorResponse(error, requestId);
  return { statusCode: response.statusCode, headers: response.headers, body: JSON.parse(String(response.body)) };
}

function expectContractErrorBody(body: unknown): void {
  const valid = validateError(body);
  expect(validateError.errors ?? []).toStrictEqual([]);
  expect(valid).toBe(true);
}

describe('ApiError subclasses', () => {
  it.each([
    [
      'InvalidJsonError',
      () => new InvalidJsonError('Unexpected end of JSON input'),
      400,
      'invalid_json',
      'The body is not valid JSON (Unexpected end of JSON input); send one JSON object.',
    ],
    [
      'InvalidRequestError',
      () => new InvalidRequestError("campaign_item_id must be a non-negative integer, got 'abc'."),
      400,
      'invalid_request',
      "campaign_item_id must be a non-negative integer, got 'abc'.",
    ],
    [
      'PayloadTooLargeError',
      () => new PayloadTooLargeError(2_000_000, 1_000_000),
      413,
      'payload_too_large',
      'The body is 2000000 bytes; the limit is 1000000 bytes. Send smaller events or split the batch.',
    ],
    [
      'UnsupportedMediaTypeError',
      () => new UnsupportedMediaTypeError('text/plain'),
      415,
      'unsupported_media_type',
      "Got 'text/plain'; send the body as JSON with 'Content-Type: application/json'.",
    ],
    [
      'UnsupportedMediaTypeError',
      () => new UnsupportedMediaTypeError(undefined),
      415,
      'unsupported_media_type',
      "Got no Content-Type; send the body as JSON with 'Content-Type: application/json'.",
    ],
    [
      'StreamUnavailableError',
      () => new StreamUnavailableError(3),
      503,
      'stream_unavailable',
      'The event stream did not accept the write, so nothing was stored; retry after 3 s.',
    ],
  ])('%s carries its name, status, code and message', (name, create, statusCode, code, message) => {
    // Act
    const error = create();

    // Assess
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, statusCode: error.statusCode, code: error.code, message: error.message }).toStrictEqual({
      name,
      statusCode,
      code,
      message,
    });
  });

  it('ValidationFailedError lists one problem in the singular', () => {
    // Act
    const error = new ValidationFailedError('click', [violation('$.tx_id', 'is required')]);

    // Assess
    expect({
      name: error.name,
      statusCode: error.statusCode,
      code: error.code,
      message: error.message,
      violations: error.violations,
    }).toStrictEqual({
      name: 'ValidationFailedError',
      statusCode: 400,
      code: 'validation_failed',
      message: 'The click has 1 problem: $.tx_id is required.',
      violations: [{ path: '$.tx_id', message: 'is required' }],
    });
  });

  it('ValidationFailedError counts and lists several problems', () => {
    // Act
    const error = new ValidationFailedError('bid', [
      violation('$.tx_id', 'is required'),
      violation('$.win_price', 'must be >= 0'),
    ]);

    // Assess
    expect(error.message).toBe('The bid has 2 problems: $.tx_id is required; $.win_price must be >= 0.');
  });

  it('keeps the cause it was given', () => {
    // Prepare
    const cause = new SyntaxError('Unexpected token');

    // Act
    const errors = [new InvalidJsonError('Unexpected token', cause), new StreamUnavailableError(1, cause)];

    // Assess
    expect(errors.map((error) => error.cause)).toStrictEqual([cause, cause]);
  });

  it('StreamUnavailableError asks the client to wait with Retry-After', () => {
    // Act
    const error = new StreamUnavailableError(5);

    // Assess
    expect(error.headers).toStrictEqual({ 'Retry-After': '5' });
  });

  it('other errors carry no extra headers and no violations', () => {
    // Act
    const error = new PayloadTooLargeError(2, 1);

    // Assess
    expect({ headers: error.headers, violations: error.violations }).toStrictEqual({
      headers: {},
      violations: undefined,
    });
  });
});

describe('toErrorResponse', () => {
  it.each([
    ['InvalidJsonError', new InvalidJsonError('Unexpected end of JSON input'), 400],
    ['InvalidRequestError', new InvalidRequestError('Route GET /bid does not ingest a single event'), 400],
    ['PayloadTooLargeError', new PayloadTooLargeError(6_000_000, 5_242_880), 413],
    ['UnsupportedMediaTypeError', new UnsupportedMediaTypeError('text/plain'), 415],
    ['a plain ApiError', new ApiError(404, 'not_found', 'No route GET /nope.'), 404],
  ])('answers %s with its status and a contract Error body', (_, error, statusCode) => {
    // Act
    const response = respond(error);

    // Assess
    expect(response).toStrictEqual({
      statusCode,
      headers: { 'content-type': 'application/json' },
      body: { code: error.code, message: error.message, request_id: REQUEST_ID },
    });
    expectContractErrorBody(response.body);
  });

  it('answers a validation failure with every violation', () => {
    // Prepare
    const error = new ValidationFailedError('bid', [
      violation('$.tx_id', 'is required'),
      violation('$.campaign_item_id', 'must be integer'),
    ]);

    // Act
    const response = respond(error);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 400,
      headers: { 'content-type': 'application/json' },
      body: {
        code: 'validation_failed',
        message: 'The bid has 2 problems: $.tx_id is required; $.campaign_item_id must be integer.',
        request_id: REQUEST_ID,
        violations: [
          { path: '$.tx_id', message: 'is required' },
          { path: '$.campaign_item_id', message: 'must be integer' },
        ],
      },
    });
    expectContractErrorBody(response.body);
  });

  it('answers a stream outage with 503 and Retry-After', () => {
    // Prepare
    const error = new StreamUnavailableError(1, new Error('ProvisionedThroughputExceededException'));

    // Act
    const response = respond(error);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 503,
      headers: { 'content-type': 'application/json', 'Retry-After': '1' },
      body: {
        code: 'stream_unavailable',
        message: 'The event stream did not accept the write, so nothing was stored; retry after 1 s.',
        request_id: REQUEST_ID,
      },
    });
    expectContractErrorBody(response.body);
  });

  it('answers a model outage built on ApiError with its own headers', () => {
    // Prepare
    const error = new ApiError(503, 'model_unavailable', 'No live model answered; retry after 30 s.', {
      headers: { 'Retry-After': '30' },
    });

    // Act
    const response = respond(error);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 503,
      headers: { 'content-type': 'application/json', 'Retry-After': '30' },
      body: { code: 'model_unavailable', message: 'No live model answered; retry after 30 s.', request_id: REQUEST_ID },
    });
    expectContractErrorBody(response.body);
  });

  it('quotes the request id it was given', () => {
    // Act
    const response = respond(new InvalidRequestError('bad'), 'another-request');

    // Assess
    expect(response.body).toStrictEqual({ code: 'invalid_request', message: 'bad', request_id: 'another-request' });
  });

  describe('errors the client did not cause', () => {
    const genericBody = {
      code: 'internal_error',
      message: `Something went wrong on our side and nothing was stored; retry, and quote request id ${REQUEST_ID} if it persists.`,
      request_id: REQUEST_ID,
    };

    it('answers a plain Error with a generic 500', () => {
      // Prepare
      const error = new Error('connect ECONNREFUSED 10.0.3.7:443 (secret-table-name)');

      // Act
      const response = respond(error);

      // Assess
      expect(response).toStrictEqual({
        statusCode: 500,
        headers: { 'content-type': 'application/json' },
        body: genericBody,
      });
      expectContractErrorBody(response.body);
    });

    it('never leaks the original message or the stack', () => {
      // Prepare
      const error = new TypeError("Cannot read properties of undefined (reading 'tx_id')");

      // Act
      const raw = String(toErrorResponse(error, REQUEST_ID).body);

      // Assess
      expect({
        mentionsMessage: raw.includes("reading 'tx_id'"),
        mentionsStack: raw.includes('toErrorResponse.test') || raw.includes('    at '),
        mentionsErrorName: raw.includes('TypeError'),
      }).toStrictEqual({ mentionsMessage: false, mentionsStack: false, mentionsErrorName: false });
    });

    it.each([
      ['a thrown string', 'boom'],
      ['null', null],
      ['undefined', undefined],
      [
        'an object shaped like an ApiError',
        { statusCode: 400, code: 'invalid_json', message: 'looks like ours', headers: { 'x-leak': '1' } },
      ],
    ])('answers %s with a generic 500', (_, error) => {
      // Act
      const response = respond(error);

      // Assess
      expect(response).toStrictEqual({
        statusCode: 500,
        headers: { 'content-type': 'application/json' },
        body: genericBody,
      });
    });
  });
});
