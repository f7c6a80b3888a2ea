import type { IncomingHttpHeaders } from 'node:http';
import { toHttpApiEvent } from '../src/gateway/toHttpApiEvent.js';

type GatewayRequest = Parameters<typeof toHttpApiEvent>[0];

const NOW = new Date('2025-11-22T04:05:06.789Z');

function requestOf(overrides: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    method: 'POST',
    url: '/events',
    headers: { host: 'localhost:3000', 'content-type': 'application/json', 'user-agent': 'curl/8.5.0' },
    body: Buffer.from('{"events":[{"type":"click","tx_id":"tx-1"}]}'),
    sourceIp: '127.0.0.1',
    routeKey: 'POST /events',
    pathParameters: {},
    requestId: 'req-1',
    now: NOW,
    ...overrides,
  };
}

describe('toHttpApiEvent', () => {
  it('builds a payload format 2.0 event for a JSON POST', () => {
    // Prepare
    const request = requestOf();

    // Act
    const event = toHttpApiEvent(request);

    // Assess
    expect(event).toStrictEqual({
      version: '2.0',
      routeKey: 'POST /events',
      rawPath: '/events',
      rawQueryString: '',
      headers: { host: 'localhost:3000', 'content-type': 'application/json', 'user-agent': 'curl/8.5.0' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost:3000',
        domainPrefix: 'localhost:3000',
        http: { method: 'POST', path: '/events', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.5.0' },
        requestId: 'req-1',
        routeKey: 'POST /events',
        stage: '$default',
        time: expect.any(String),
        timeEpoch: NOW.getTime(),
      },
      isBase64Encoded: false,
      body: '{"events":[{"type":"click","tx_id":"tx-1"}]}',
    });
  });

  // API Gateway writes requestContext.time in the CLF-like form of its access logs, e.g. "12/Mar/2020:19:03:58 +0000".
  it('writes requestContext.time the way API Gateway does', () => {
    // Act
    const event = toHttpApiEvent(requestOf());

    // Assess
    expect(event.requestContext.time).toBe('22/Nov/2025:04:05:06 +0000');
  });

  it('adds path parameters and the route key of the matched route', () => {
    // Prepare
    const request = requestOf({
      method: 'GET',
      url: '/reports/campaigns/1463517',
      body: Buffer.alloc(0),
      routeKey: 'GET /reports/campaigns/{campaign_item_id}',
      pathParameters: { campaign_item_id: '1463517' },
    });

    // Act
    const event = toHttpApiEvent(request);

    // Assess
    expect({
      routeKey: event.routeKey,
      contextRouteKey: event.requestContext.routeKey,
      pathParameters: event.pathParameters,
    }).toStrictEqual({
      routeKey: 'GET /reports/campaigns/{campaign_item_id}',
      contextRouteKey: 'GET /reports/campaigns/{campaign_item_id}',
      pathParameters: { campaign_item_id: '1463517' },
    });
  });

  it('leaves out body, query, path parameters and cookies when there are none', () => {
    // Prepare
    const request = requestOf({
      method: 'GET',
      url: '/reports/campaigns/7',
      body: Buffer.alloc(0),
      headers: { host: 'localhost:3000' },
    });

    // Act
    const event = toHttpApiEvent(request);

    // Assess
    expect(Object.keys(event).sort()).toStrictEqual([
      'headers',
      'isBase64Encoded',
      'rawPath',
      'rawQueryString',
      'requestContext',
      'routeKey',
      'version',
    ]);
    expect({
      isBase64Encoded: event.isBase64Encoded,
      rawQueryString: event.rawQueryString,
      userAgent: event.requestContext.http.userAgent,
    }).toStrictEqual({
      isBase64Encoded: false,
      rawQueryString: '',
      userAgent: '',
    });
  });

  it('splits the query string off the raw path and decodes its parameters', () => {
    // Prepare
    const request = requestOf({
      method: 'GET',
      url: '/reports/campaigns/7?period=2025-11&name=caf%C3%A9%20bar&flag',
      body: Buffer.alloc(0),
    });

    // Act
    const event = toHttpApiEvent(request);

    // Assess
    expect({
      rawPath: event.rawPath,
      path: event.requestContext.http.path,
      rawQueryString: event.rawQueryString,
      query: event.queryStringParameters,
    }).toStrictEqual({
      rawPath: '/reports/campaigns/7',
      path: '/reports/campaigns/7',
      rawQueryString: 'period=2025-11&name=caf%C3%A9%20bar&flag',
      query: { period: '2025-11', name: 'café bar', flag: '' },
    });
  });

  it('joins repeated query parameters with commas, in order', () => {
    // Act
    const event = toHttpApiEvent(requestOf({ url: '/events?tag=a&other=1&tag=b&tag=c' }));

    // Assess
    expect(event.queryStringParameters).toStrictEqual({ tag: 'a,b,c', other: '1' });
  });

  it('treats query parameters named like Object.prototype members as plain parameters', () => {
    // Act
    const event = toHttpApiEvent(requestOf({ url: '/events?constructor=a&toString=b&hasOwnProperty=c' }));

    // Assess
    expect(event.queryStringParameters).toStrictEqual({ constructor: 'a', toString: 'b', hasOwnProperty: 'c' });
  });

  it('leaves out query parameters for a bare question mark', () => {
    // Act
    const event = toHttpApiEvent(requestOf({ url: '/events?' }));

    // Assess
    expect({
      rawPath: event.rawPath,
      rawQueryString: event.rawQueryString,
      has: 'queryStringParameters' in event,
    }).toStrictEqual({
      rawPath: '/events',
      rawQueryString: '',
      has: false,
    });
  });

  it('moves cookies out of the headers into their own list', () => {
    // Prepare
    const headers: IncomingHttpHeaders = {
      host: 'localhost:3000',
      'content-type': 'application/json',
      cookie: 'session=abc; theme=dark;  lang=en;',
    };

    // Act
    const event = toHttpApiEvent(requestOf({ headers }));

    // Assess
    expect({ cookies: event.cookies, headers: event.headers }).toStrictEqual({
      cookies: ['session=abc', 'theme=dark', 'lang=en'],
      headers: { host: 'localhost:3000', 'content-type': 'application/json' },
    });
  });

  it('joins repeated header values with commas and skips absent ones', () => {
    // Prepare
    const headers: IncomingHttpHeaders = {
      host: 'localhost:3000',
      'content-type': 'application/json',
      'x-forwarded-for': ['10.0.0.1', '10.0.0.2'],
      'x-absent': undefined,
    };

    // Act
    const event = toHttpApiEvent(requestOf({ headers }));

    // Assess
    expect(event.headers).toStrictEqual({
      host: 'localhost:3000',
      'content-type': 'application/json',
      'x-forwarded-for': '10.0.0.1,10.0.0.2',
    });
  });

  it.each([
    'text/plain; charset=utf-8',
    'application/json; charset=utf-8',
    'application/vnd.api+json',
    'application/xml',
    'application/javascript',
    'application/x-www-form-urlencoded',
    'TEXT/CSV',
  ])('passes a %s body as text', (contentType) => {
    // Prepare
    const request = requestOf({ headers: { 'content-type': contentType }, body: Buffer.from('tx=é&n=1', 'utf8') });

    // Act
    const event = toHttpApiEvent(request);

    // Assess
    expect({ isBase64Encoded: event.isBase64Encoded, body: event.body }).toStrictEqual({
      isBase64Encoded: false,
      body: 'tx=é&n=1',
    });
  });

  it.each([
    ['image/png', { 'content-type': 'image/png' }],
    ['application/octet-stream', { 'content-type': 'application/octet-stream' }],
    ['application/gzip', { 'content-type': 'application/gzip' }],
    ['no content type', {}],
  ])('base64-encodes a %s body', (_, headers) => {
    // Prepare
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]);

    // Act
    const event = toHttpApiEvent(requestOf({ headers, body: bytes }));

    // Assess
    expect({ isBase64Encoded: event.isBase64Encoded, body: event.body }).toStrictEqual({
      isBase64Encoded: true,
      body: 'iVBORwD//g==',
    });
  });

  it('has no body and is not base64 for an empty binary request', () => {
    // Act
    const event = toHttpApiEvent(
      requestOf({ headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(0) }),
    );

    // Assess
    expect({ isBase64Encoded: event.isBase64Encoded, has: 'body' in event }).toStrictEqual({
      isBase64Encoded: false,
      has: false,
    });
  });

  it('takes the domain name and prefix from the Host header', () => {
    // Act
    const event = toHttpApiEvent(
      requestOf({
        headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com', 'content-type': 'application/json' },
      }),
    );

    // Assess
    expect({
      domainName: event.requestContext.domainName,
      domainPrefix: event.requestContext.domainPrefix,
    }).toStrictEqual({
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
    });
  });

  it('falls back to localhost without a Host header', () => {
    // Act
    const event = toHttpApiEvent(requestOf({ headers: { 'content-type': 'application/json' } }));

    // Assess
    expect({
      domainName: event.requestContext.domainName,
      domainPrefix: event.requestContext.domainPrefix,
    }).toStrictEqual({
      domainName: 'localhost',
      domainPrefix: 'localhost',
    });
  });
});
