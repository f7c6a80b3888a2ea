import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { httpErrorHandler, issueApiKey, requireApiKey, type ApiKeyRecord } from '../src/index.js';
import { inMemoryRateLeases } from './support/inMemoryRateLeases.js';

const logger = new Logger({ logLevel: 'SILENT' });
const context = { awsRequestId: 'req-1' } as Context;

function setup(record: Partial<ApiKeyRecord> = {}) {
  const { key, record: issued } = issueApiKey(
    { tenant: 'acme', scopes: ['report'], ratePerSecond: 1, burst: 2 },
    new Date(0),
  );
  let stored: ApiKeyRecord = { ...issued, ...record };
  let clock = 1_000;
  const lookups: string[] = [];
  const ran: unknown[] = [];
  const leases = inMemoryRateLeases();
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(httpErrorHandler({ logger }))
    .use(
      requireApiKey({
        scope: 'report',
        lookup: async (id) => {
          lookups.push(id);
          return id === stored.key_id ? stored : undefined;
        },
        leases,
        now: () => clock,
      }),
    )
    .handler(async (event) => {
      ran.push(event.requestContext);
      return { statusCode: 200, body: 'ok' };
    });
  const call = async (presented: string | undefined) => {
    const event = {
      headers: presented === undefined ? {} : { 'x-api-key': presented },
      requestContext: { requestId: 'r' },
    } as unknown as APIGatewayProxyEventV2;
    const response = (await handler(event, context)) as {
      statusCode: number;
      headers?: Record<string, string>;
      body: string;
    };
    return {
      status: response.statusCode,
      retryAfter: response.headers?.['Retry-After'],
      code: response.statusCode === 200 ? 'ok' : JSON.parse(response.body).code,
    };
  };
  return {
    key: key.text,
    call,
    lookups,
    ran,
    tick: (ms: number) => (clock += ms),
    revoke: () => (stored = { ...stored, status: 'revoked' }),
  };
}

describe('requireApiKey', () => {
  it('runs the handler only for a good key, with the tenant in the request context', async () => {
    // Prepare
    const { key, call, ran } = setup();

    // Act
    const answers = [await call(undefined), await call('nonsense'), await call(key)];

    // Assess
    expect(answers.map((a) => `${a.status} ${a.code}`)).toStrictEqual([
      '401 missing_api_key',
      '401 invalid_api_key',
      '200 ok',
    ]);
    expect(ran).toStrictEqual([
      { requestId: 'r', authorizer: { lambda: { tenant: 'acme', key_id: key.slice(4, 16) } } },
    ]);
  });

  it('reads a key once per cache period, so a revocation takes effect when it ends', async () => {
    // Prepare
    const { key, call, lookups, tick, revoke } = setup({ rate_limit_per_second: 1000, burst: 1000 });

    // Act
    const first = await call(key);
    revoke();
    const cached = await call(key);
    tick(60_000);
    const afterTtl = await call(key);

    // Assess
    expect([first.status, cached.status, `${afterTtl.status} ${afterTtl.code}`]).toStrictEqual([
      200,
      200,
      '403 api_key_revoked',
    ]);
    expect(lookups).toHaveLength(2);
  });

  it('keeps a key in use cached through a flood of made-up keys, and remembers those as unknown', async () => {
    // Prepare: more made-up ids than the cache holds, sent between the good key's requests
    const { key, call, lookups } = setup({ rate_limit_per_second: 100_000, burst: 100_000 });
    const madeUp = (i: number) => `sdp_${i.toString(16).padStart(12, '0')}_${'0'.repeat(48)}`;

    // Act
    await call(key);
    const flood = [];
    for (let i = 0; i < 10_500; i++) {
      flood.push((await call(madeUp(i))).code);
      if (i % 1_000 === 0) await call(key);
    }
    const lookupsAfterFlood = lookups.length;
    const goodAfterFlood = await call(key);
    const repeatedMadeUp = await call(madeUp(10_499));

    // Assess: the good key was read once; a made-up id seen lately is not read again
    expect(new Set(flood)).toStrictEqual(new Set(['invalid_api_key']));
    expect(lookupsAfterFlood).toBe(1 + 10_500);
    expect([goodAfterFlood.code, repeatedMadeUp.code, lookups.length]).toStrictEqual([
      'ok',
      'invalid_api_key',
      lookupsAfterFlood,
    ]);
  });

  it('answers 429 with Retry-After beyond the key’s burst, and lets requests through again later', async () => {
    // Prepare
    const { key, call, ran, tick } = setup();

    // Act
    const burst = [await call(key), await call(key), await call(key)];
    tick(1_000);
    const later = await call(key);

    // Assess
    expect(burst.map((a) => `${a.status} ${a.code} ${a.retryAfter}`)).toStrictEqual([
      '200 ok undefined',
      '200 ok undefined',
      '429 rate_limited 1',
    ]);
    expect(later.status).toBe(200);
    expect(ran).toHaveLength(3);
  });
});

describe('requireApiKey when the keys table cannot be read', () => {
  it('answers 503 auth_unavailable with Retry-After, not a 500, and runs nothing', async () => {
    // Prepare
    const { key } = issueApiKey({ tenant: 'acme', scopes: ['report'] }, new Date(0));
    let ran = false;
    const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
      .use(httpErrorHandler({ logger }))
      .use(
        requireApiKey({
          scope: 'report',
          lookup: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:8000')),
        }),
      )
      .handler(async () => {
        ran = true;
        return { statusCode: 200, body: 'ok' };
      });

    // Act
    const event = {
      headers: { 'x-api-key': key.text },
      requestContext: { requestId: 'r' },
    } as unknown as APIGatewayProxyEventV2;
    const response = (await handler(event, context)) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };

    // Assess
    expect([response.statusCode, response.headers['Retry-After'], JSON.parse(response.body).code]).toStrictEqual([
      503,
      '1',
      'auth_unavailable',
    ]);
    expect(ran).toBe(false);
  });
});
