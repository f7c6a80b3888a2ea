import type { GatewayError } from '@sdp/local-cloud';
import { contractErrorBody } from '../src/contractErrorBody.js';

const anError = (overrides: Partial<GatewayError>): GatewayError => ({
  status: 404,
  reason: 'no_route',
  message: 'No route GET /nope.',
  requestId: 'r-1',
  ...overrides,
});

describe('contractErrorBody', () => {
  it.each([
    [
      anError({}),
      { code: 'not_found', message: 'No route GET /nope. See contracts/openapi.yaml for the API.', request_id: 'r-1' },
    ],
    [
      anError({ reason: 'no_file', message: 'No file /dashboard/x.js in the static site.' }),
      { code: 'not_found', message: 'No file /dashboard/x.js in the static site.', request_id: 'r-1' },
    ],
    [
      anError({ status: 400, reason: 'unreadable_path', message: 'Cannot read %zz.' }),
      { code: 'invalid_request', message: 'Cannot read %zz.', request_id: 'r-1' },
    ],
    [
      anError({ status: 405, reason: 'method_not_allowed', message: '/bid accepts POST, not GET.' }),
      { code: 'method_not_allowed', message: '/bid accepts POST, not GET.', request_id: 'r-1' },
    ],
    [
      anError({ status: 413, reason: 'payload_too_large', message: 'The request body is over 10485760 bytes.' }),
      { code: 'payload_too_large', message: 'The request body is over 10485760 bytes.', request_id: 'r-1' },
    ],
  ])("answers %j with the contract's Error body", (error, expected) => {
    // Act / Assess
    expect(contractErrorBody(error)).toStrictEqual(expected);
  });
});
