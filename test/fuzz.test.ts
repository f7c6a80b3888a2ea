import net from 'node:net';
import { seededRandom } from '../shared/src/random/seededRandom.js';
import { validateClickstreamEnvelope, validateError, validateEventEnvelope } from '../shared/src/generated/validators.js';
import { localKinesisClient } from '../local-cloud/src/clients.js';
import { readWholeStream } from './support/readWholeStream.js';
import { startTestCloud, type TestCloud, CLOUD_START_TIMEOUT_MS } from './support/startTestCloud.js';

/*
 * 10,000+ malformed and hostile requests from a seeded generator (FUZZ_SEED to replay another run):
 * broken JSON, wrong types, huge numbers, deep nesting, odd unicode and raw bytes, oversized
 * bodies, prototype keys, header and query tricks, raw-socket requests that fetch would refuse.
 * No answer may be a 5xx other than a documented 503, every error must be the contract's Error,
 * every function must still answer, and the stream must hold exactly the events that were accepted,
 * each a valid envelope.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const REQUESTS = 10_400;
const CONCURRENCY = 16;
const RAW_EVENTS_STREAM = 'sdp-ingest-local-raw-events';
const CLICKSTREAM = 'sdp-ingest-local-clickstream';
const DOCUMENTED_503 = new Set(['model_unavailable', 'stream_unavailable', 'auth_unavailable']);

interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Sent over a raw socket, byte for byte */
  raw?: Buffer;
}

const validBid = (txId: string) => ({ tx_id: txId, domain: 'www.google.com', app_uid: 'e582f2a0', campaign_item_id: 1463517, creative_id: 'c-1', creative_category: 'travel' });
const HOSTILE_VALUES: unknown[] = [
  null, true, 0, -0, -1, 1e308, -1e308, 2 ** 53 + 1, 1.5, '', ' ', 'x'.repeat(5_000), '9'.repeat(400), [], [1, 2], {}, { a: 1 },
  '\ud800', '\udfff', '\u202eevil', '\u0000', '😀'.repeat(50), 'Ω≈ç√∫', '<script>alert(1)</script>', "'; DROP TABLE bids; --", '../../etc/passwd', '%00', '${jndi:ldap://x}',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One hostile request. */
function generate(random: () => number, apiKey: string, i: number): FuzzRequest {
  const json = { 'content-type': 'application/json', 'x-api-key': apiKey };
  const txId = `fuzz-${i}`;
  const mutated = () => {
    const body: Record<string, unknown> = validBid(txId);
    const fields = [...Object.keys(body), 'extra', '__proto__', 'constructor'];
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) body[pick(random, fields)] = pick(random, HOSTILE_VALUES);
    return body;
  };
  const route = pick(random, ['/bid', '/impression', '/click', '/events', '/clickstream', '/predictions', '/query']);
  switch (Math.floor(random() * 15)) {
    case 0: {
      const text = JSON.stringify(validBid(txId));
      return { kind: 'truncated json', method: 'POST', path: route, headers: json, body: text.slice(0, Math.floor(random() * text.length)) };
    }
    case 1:
      return { kind: 'json plus garbage', method: 'POST', path: route, headers: json, body: pick(random, [`${JSON.stringify(validBid(txId))}}`, 'NaN', 'Infinity', '{"a":1,}', '\ufeff{"tx_id":"x"}', '/* c */{}', "{'tx_id':'x'}", '[]', '"string"', '1']) };
    case 2:
      return { kind: 'wrong types', method: 'POST', path: route, headers: json, body: JSON.stringify(route === '/events' ? { events: [{ type: 'bid', ...mutated() }, mutated()] } : mutated()) };
    case 3: {
      const depth = pick(random, [100, 1_000, 10_000]);
      return { kind: 'deep nesting', method: 'POST', path: route, headers: json, body: random() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` };
    }
    case 4:
      return { kind: 'invalid utf-8', method: 'POST', path: route, headers: json, body: Buffer.concat([Buffer.from('{"tx_id":"'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff]), Buffer.from('","app_uid":"u","campaign_item_id":1}')]) };
    case 5: {
      const size = pick(random, [1_000_001, 5 * 1024 * 1024 + 1, 6_000_000]);
      return { kind: 'oversized', method: 'POST', path: pick(random, ['/bid', '/events']), headers: json, body: `{"tx_id":"${'x'.repeat(size)}"}` };
    }
    case 6:
      return { kind: 'prototype keys', method: 'POST', path: route, headers: json, body: `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"tx_id":"${txId}","app_uid":"u","campaign_item_id":1}` };
    case 7: {
      const count = pick(random, [0, 1, 501]);
      const events = pick(random, [Array.from({ length: count }, (_, n) => ({ type: pick(random, ['bid', 'imp', 'click', 'nope', 7]), ...mutated(), tx_id: `${txId}-${n}` })), 'not an array', null, {}]);
      return { kind: 'hostile batch', method: 'POST', path: '/events', headers: json, body: JSON.stringify({ events }) };
    }
    case 8: {
      const contentType = pick(random, ['text/plain', 'application/json; charset=utf-16', 'APPLICATION/JSON', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']);
      const headers: Record<string, string> = { 'x-api-key': apiKey, ...(contentType ? { 'content-type': contentType } : {}) };
      return { kind: 'content types', method: 'POST', path: route, headers, body: JSON.stringify(validBid(txId)) };
    }
    case 9: {
      const key = pick(random, ['', ' ', `${apiKey}, ${apiKey}`, `${apiKey} `, apiKey.toUpperCase(), 'sdp_'.padEnd(10_000, 'a'), `Bearer ${apiKey}`, apiKey.slice(0, -1)]);
      return { kind: 'api key tricks', method: pick(random, ['POST', 'GET']), path: pick(random, ['/bid', '/reports/campaigns', '/models']), headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(validBid(txId)) };
    }
    case 10: {
      const path = pick(random, [
        `/reports/campaigns/${pick(random, ['-1', '0', '1e3', '99999999999999999999', '%00', '..%2F..%2Fetc', 'abc', '1463517'])}`,
        `/reports/campaigns/1/period?period=${pick(random, ['hour', 'decade', '', '%00'])}&timezone=${pick(random, ['UTC', 'Mars/Olympus', '..%2F', 'x'.repeat(300)])}`,
        `/reports/campaigns?from=${pick(random, ['2026-11-22T00:00:00Z', 'yesterday', '-271821-04-20T00:00:00Z', ''])}&limit=${pick(random, ['10', '-1', '1e9', 'NaN'])}&limit=2`,
        `/orphans?from=${'9'.repeat(pick(random, [10, 5_000]))}`,
        `/failed-events?status=${pick(random, ['failed', 'x', ''])}&unknown=1`,
        `/failed-events/${encodeURIComponent(pick(random, ['a#b#c', '%00', 'x'.repeat(600)]))}`,
        `/reconciliation?from=${pick(random, ['2026-11-20T00:00:00Z', 'x'])}`,
        `/query/saved?${'a=1&'.repeat(pick(random, [1, 2_000]))}`,
        '/models?x=%ZZ',
        `/sessions?user_id=${pick(random, ['shopper-1', '', '%00', 'a b', 'x'.repeat(200), '..%2F'])}&limit=${pick(random, ['10', '0', '-1', '1e3'])}&include_merged=${pick(random, ['true', 'yes'])}`,
        `/sessions?from=${pick(random, ['2026-11-22T00:00:00Z', 'x'])}`,
        `/products/${pick(random, ['sku-001', '%00', '..%2F..%2Fetc', 'x'.repeat(100), '%E0%A4%A', 'a%20b'])}`,
        `/reports/products/${pick(random, ['sku-001', '%00', 'x'.repeat(100)])}?period=${pick(random, ['hour', 'fortnight'])}&timezone=${pick(random, ['Asia/Kolkata', 'x'.repeat(300)])}`,
        `/products/${pick(random, ['sku-001', '%00', 'a%20b'])}/price-history?limit=${pick(random, ['5', '0', '501', 'x'])}`,
        `/reports/products?sort=${pick(random, ['views', 'view_to_purchase', 'price', '%00'])}&from=${pick(random, ['2026-11-22T00:00:00Z', '1900-01-01T00:00:00Z'])}&limit=${pick(random, ['5', '0'])}`,
      ]);
      return { kind: 'path and query tricks', method: 'GET', path, headers: { 'x-api-key': apiKey } };
    }
    case 11: {
      const bodies = [
        { campaignItemId: pick(random, HOSTILE_VALUES), domain: pick(random, HOSTILE_VALUES), creativeId: 'c', creativeCategory: 'x', winPrice: pick(random, HOSTILE_VALUES) },
        { sql: pick(random, ['SELECT 1', "COPY bids TO '/tmp/x'", 'SELECT * FROM read_csv_auto(\'/etc/passwd\')', 'DROP TABLE bids', `SELECT ${'1+'.repeat(5_000)}1`, 'x'.repeat(100_000)]) },
        { saved: pick(random, ['funnel', 'nope', '__proto__']), params: { from: pick(random, HOSTILE_VALUES) } },
      ];
      return { kind: 'hostile predictions and queries', method: 'POST', path: pick(random, ['/predictions', '/query']), headers: json, body: JSON.stringify(pick(random, bodies)) };
    }
    case 12: {
      const idempotency = pick(random, ['has space', 'x'.repeat(300), 'é', 'ok-key', '\t']);
      return { kind: 'idempotency key tricks', method: 'POST', path: '/click', headers: { ...json, 'idempotency-key': idempotency }, body: JSON.stringify({ tx_id: txId }) };
    }
    case 13: {
      const click = () => {
        const body: Record<string, unknown> = { user_id: `fuzz-user-${i % 50}`, event_timestamp: Date.now() - Math.floor(random() * 60_000), event_name: 'detail', device_type: 'mobile' };
        const fields = [...Object.keys(body), 'event_type', 'product_id', 'quantity', 'extra', '__proto__'];
        for (let n = Math.floor(random() * 3); n > 0; n--) body[pick(random, fields)] = pick(random, HOSTILE_VALUES);
        return body;
      };
      const body = random() < 0.5 ? click() : { events: Array.from({ length: pick(random, [1, 20, 500]) }, click) };
      return { kind: 'hostile clickstream', method: 'POST', path: '/clickstream', headers: json, body: JSON.stringify(body) };
    }
    default: {
      // Raw sockets: header tricks fetch refuses to send.
      const body = JSON.stringify(validBid(txId));
      const head = `Host: x\r\nx-api-key: ${apiKey}\r\nConnection: close\r\n`;
      const variants: [string, string][] = [
        ['body shorter than Content-Length', `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nContent-Length: ${body.length + 50}\r\n\r\n${body}`],
        ['body longer than Content-Length', `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nContent-Length: 5\r\n\r\n${body}`],
        ['two Content-Lengths', `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n${body}`],
        ['broken chunked encoding', `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`],
        ['control character in a header', `POST /click HTTP/1.1\r\n${head}Content-Type: application/json\r\nIdempotency-Key: a\u0001b\r\nContent-Length: 15\r\n\r\n{"tx_id":"raw"}`],
        ['20 KB header', `GET /models HTTP/1.1\r\n${head}X-Huge: ${'h'.repeat(20_000)}\r\n\r\n`],
        ['dot-dot path', `GET /../../etc/passwd HTTP/1.1\r\n${head}\r\n`],
        ['unknown method', `BREW /bid HTTP/1.1\r\n${head}\r\n`],
        ['two API keys', `POST /bid HTTP/1.1\r\n${head}x-api-key: other\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`],
      ];
      const [name, text] = pick(random, variants);
      return { kind: `raw socket: ${name}`, method: 'RAW', path: '', headers: {}, raw: Buffer.from(text, 'latin1') };
    }
  }
}

interface Outcome {
  kind: string;
  path?: string;
  status: number;
  body: string;
  networkError?: string;
}

async function send(cloud: TestCloud, request: FuzzRequest): Promise<Outcome> {
  if (request.raw) return sendRaw(cloud.url, request.kind, request.raw);
  try {
    const response = await fetch(cloud.url + request.path, { method: request.method, headers: request.headers, ...(request.method === 'GET' ? {} : { body: request.body }) });
    return { kind: request.kind, path: request.path, status: response.status, body: await response.text() };
  } catch (error) {
    return { kind: request.kind, status: 0, body: '', networkError: String((error as Error).cause ?? error) };
  }
}

function sendRaw(url: string, kind: string, raw: Buffer): Promise<Outcome> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    // Sent without closing our side (a server may drop a half-closed connection before it answers),
    // except when the body is shorter than announced: then only our end of input ends the request.
    const socket = net.connect(Number(port), '127.0.0.1', () => (kind.includes('shorter than') ? socket.end(raw) : socket.write(raw)));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ kind, status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.setTimeout(30_000, () => socket.destroy());
  });
}

describe('fuzzing every API with hostile requests', () => {
  let cloud: TestCloud;

  beforeAll(async () => {
    cloud = await startTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it(`answers ${REQUESTS} hostile requests with 4xx (or documented 503s), stays up, and lets nothing invalid into the stream`, async () => {
    // Prepare
    const random = seededRandom(SEED);
    const requests = Array.from({ length: REQUESTS }, (_, i) => generate(random, cloud.apiKey, i));
    const outcomes: Outcome[] = [];

    // Act
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) outcomes.push(await send(cloud, requests[next++]!));
      }),
    );
    const after = await Promise.all([
      cloud.fetch('/bid', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validBid('after-fuzz')) }),
      cloud.fetch('/reports/campaigns/1463517'),
      cloud.fetch('/query/saved'),
    ]);
    const records = await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), RAW_EVENTS_STREAM);
    const clicks = await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), CLICKSTREAM);

    // Assess
    const kinds = new Set(requests.map((r) => r.kind));
    const serverErrors = outcomes.filter((o) => o.status >= 500 && !(o.status === 503 && DOCUMENTED_503.has(tryJson(o.body)?.code as string)));
    const networkErrors = outcomes.filter((o) => o.networkError !== undefined);
    const notContractErrors = outcomes.filter((o) => o.status >= 400 && !o.kind.startsWith('raw socket') && !validateError(tryJson(o.body)));
    const acceptedBy = (toClickstream: boolean) =>
      outcomes
        .filter((o) => (o.path === '/clickstream') === toClickstream)
        .reduce((sum, o) => sum + (o.status === 202 ? 1 : o.status === 200 ? ((tryJson(o.body)?.accepted as number | undefined) ?? 0) : 0), 0);
    const acceptedEvents = acceptedBy(false);
    expect(new Set([...kinds].map((kind) => kind.split(':')[0])).size).toBe(15);
    expect(outcomes).toHaveLength(REQUESTS);
    expect({ seed: SEED, serverErrors: serverErrors.slice(0, 5) }).toStrictEqual({ seed: SEED, serverErrors: [] });
    expect({ seed: SEED, networkErrors: networkErrors.slice(0, 5) }).toStrictEqual({ seed: SEED, networkErrors: [] });
    expect({ seed: SEED, notContractErrors: notContractErrors.slice(0, 5).map((o) => ({ ...o, body: o.body.slice(0, 300) })) }).toStrictEqual({ seed: SEED, notContractErrors: [] });
    const rawStatuses = [...new Set(outcomes.filter((o) => o.kind.startsWith('raw socket')).map((o) => `${o.kind} → ${o.status}`))].sort();
    expect(rawStatuses.filter((line) => !/→ [234]\d\d$/.test(line))).toStrictEqual([]);
    expect(after.map((response) => response.status)).toStrictEqual([202, 200, 200]);
    expect(records.filter((record) => !validateEventEnvelope(record.data))).toStrictEqual([]);
    expect(records.length).toBe(acceptedEvents + 1);
    expect(clicks.filter((record) => !validateClickstreamEnvelope(record.data))).toStrictEqual([]);
    expect(clicks.length).toBe(acceptedBy(true));
    expect(clicks.length).toBeGreaterThan(0);
  }, 900_000);
});

function tryJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
