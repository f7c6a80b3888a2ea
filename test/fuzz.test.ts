import net from 'node:net';
import { seededRandom } from '@sdp/shared-runtime';
import type { components } from '@sdp/shared-contract';
import {
  validateAcceptedEvent,
  validateBatchResult,
  validateClickstreamEnvelope,
  validateError,
  validateEventEnvelope,
} from '@sdp/shared-contract';
import { localKinesisClient } from '@sdp/local-cloud';
import { NAMESPACES } from './support/namespaces.js';
import { readWholeStream, type StreamRecordRead } from './support/readWholeStream.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';

/*
 * 10,000+ malformed and hostile requests from a seeded generator (FUZZ_SEED to replay another run):
 * broken JSON, wrong types, huge numbers, deep nesting, odd unicode and raw bytes, oversized
 * bodies, prototype keys, header and query tricks, raw-socket requests that fetch would refuse.
 * No answer may be a 5xx other than a documented 503, every error must be the contract's Error,
 * every function must still answer, and the streams must hold exactly the events that were
 * accepted, each a valid envelope. The run shares the cloud (and its streams) with other suites.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const REQUESTS = 10_400;
/**
 * Requests in flight. The run is bound by the cloud's CPU (about 100 CPU seconds there, 15 here), not
 * by this client: 8 keep both cores as busy as 16 did and finish as soon, with half the wait for the
 * slowest answers (1.8 rather than 3.4 seconds), so that a loaded machine stays further from the
 * functions' 10-second timeout, past which the gateway answers an undocumented 503.
 */
const CONCURRENCY = 8;
const DOCUMENTED_503 = new Set(['model_unavailable', 'stream_unavailable', 'auth_unavailable']);
const { txPrefix, afterTxId, userPrefix } = NAMESPACES.fuzz;

/** The streams ingest writes, what names a record's owner in each, and what a record must be. */
const STREAMS = {
  raw: {
    name: 'sdp-ingest-local-raw-events',
    idField: 'tx_id',
    isEnvelope: validateEventEnvelope,
    isFuzzers: (id: string) => id.startsWith(txPrefix) || id === afterTxId,
  },
  clickstream: {
    name: 'sdp-ingest-local-clickstream',
    idField: 'user_id',
    isEnvelope: validateClickstreamEnvelope,
    isFuzzers: (id: string) => id.startsWith(userPrefix),
  },
} as const;
type StreamName = keyof typeof STREAMS;
const INGEST_ROUTES = new Set(['/bid', '/impression', '/click', '/events', '/clickstream']);
const streamOfRoute = (route: string | undefined): StreamName => (route === '/clickstream' ? 'clickstream' : 'raw');

interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Sent over a raw socket, byte for byte */
  raw?: Buffer;
}

const validBid = (txId: string) => ({
  tx_id: txId,
  domain: 'www.google.com',
  app_uid: 'e582f2a0',
  campaign_item_id: 1463517,
  creative_id: 'c-1',
  creative_category: 'travel',
});
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 1,
  1.5,
  '',
  ' ',
  'x'.repeat(5_000),
  '9'.repeat(400),
  [],
  [1, 2],
  {},
  { a: 1 },
  '\ud800',
  '\udfff',
  '\u202eevil',
  '\u0000',
  '😀'.repeat(50),
  'Ω≈ç√∫',
  '<script>alert(1)</script>',
  "'; DROP TABLE bids; --",
  '../../etc/passwd',
  '%00',
  '${jndi:ldap://x}',
];

/**
 * The oversized bodies (1 to 6 MB), built once per size and sent as they are by fetch: some 700
 * requests send them, and a new string for each would be built, flattened and encoded again, gigabytes in all.
 */
const oversizedBodies = new Map<number, Buffer>();
function oversizedBody(size: number): Buffer {
  let body = oversizedBodies.get(size);
  if (!body) oversizedBodies.set(size, (body = Buffer.from(`{"tx_id":"${'x'.repeat(size)}"}`)));
  return body;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One hostile request. */
function generate(random: () => number, apiKey: string, i: number): FuzzRequest {
  const json = { 'content-type': 'application/json', 'x-api-key': apiKey };
  const txId = `${txPrefix}${i}`;
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
      return {
        kind: 'truncated json',
        method: 'POST',
        path: route,
        headers: json,
        body: text.slice(0, Math.floor(random() * text.length)),
      };
    }
    case 1:
      return {
        kind: 'json plus garbage',
        method: 'POST',
        path: route,
        headers: json,
        body: pick(random, [
          `${JSON.stringify(validBid(txId))}}`,
          'NaN',
          'Infinity',
          '{"a":1,}',
          '\ufeff{"tx_id":"x"}',
          '/* c */{}',
          "{'tx_id':'x'}",
          '[]',
          '"string"',
          '1',
        ]),
      };
    case 2:
      return {
        kind: 'wrong types',
        method: 'POST',
        path: route,
        headers: json,
        body: JSON.stringify(route === '/events' ? { events: [{ type: 'bid', ...mutated() }, mutated()] } : mutated()),
      };
    case 3: {
      const depth = pick(random, [100, 1_000, 10_000]);
      return {
        kind: 'deep nesting',
        method: 'POST',
        path: route,
        headers: json,
        body: random() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      };
    }
    case 4:
      return {
        kind: 'invalid utf-8',
        method: 'POST',
        path: route,
        headers: json,
        body: Buffer.concat([
          Buffer.from('{"tx_id":"'),
          Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff]),
          Buffer.from('","app_uid":"u","campaign_item_id":1}'),
        ]),
      };
    case 5: {
      const size = pick(random, [1_000_001, 5 * 1024 * 1024 + 1, 6_000_000]);
      return {
        kind: 'oversized',
        method: 'POST',
        path: pick(random, ['/bid', '/events']),
        headers: json,
        body: oversizedBody(size),
      };
    }
    case 6:
      return {
        kind: 'prototype keys',
        method: 'POST',
        path: route,
        headers: json,
        body: `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"tx_id":"${txId}","app_uid":"u","campaign_item_id":1}`,
      };
    case 7: {
      const count = pick(random, [0, 1, 501]);
      const events = pick(random, [
        Array.from({ length: count }, (_, n) => ({
          type: pick(random, ['bid', 'imp', 'click', 'nope', 7]),
          ...mutated(),
          tx_id: `${txId}-${n}`,
        })),
        'not an array',
        null,
        {},
      ]);
      return {
        kind: 'hostile batch',
        method: 'POST',
        path: '/events',
        headers: json,
        body: JSON.stringify({ events }),
      };
    }
    case 8: {
      const contentType = pick(random, [
        'text/plain',
        'application/json; charset=utf-16',
        'APPLICATION/JSON',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
      ]);
      const headers: Record<string, string> = {
        'x-api-key': apiKey,
        ...(contentType ? { 'content-type': contentType } : {}),
      };
      return { kind: 'content types', method: 'POST', path: route, headers, body: JSON.stringify(validBid(txId)) };
    }
    case 9: {
      const key = pick(random, [
        '',
        ' ',
        `${apiKey}, ${apiKey}`,
        `${apiKey} `,
        apiKey.toUpperCase(),
        'sdp_'.padEnd(10_000, 'a'),
        `Bearer ${apiKey}`,
        apiKey.slice(0, -1),
      ]);
      return {
        kind: 'api key tricks',
        method: pick(random, ['POST', 'GET']),
        path: pick(random, ['/bid', '/reports/campaigns', '/models']),
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify(validBid(txId)),
      };
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
        {
          campaignItemId: pick(random, HOSTILE_VALUES),
          domain: pick(random, HOSTILE_VALUES),
          creativeId: 'c',
          creativeCategory: 'x',
          winPrice: pick(random, HOSTILE_VALUES),
        },
        {
          sql: pick(random, [
            'SELECT 1',
            "COPY bids TO '/tmp/x'",
            "SELECT * FROM read_csv_auto('/etc/passwd')",
            'DROP TABLE bids',
            `SELECT ${'1+'.repeat(5_000)}1`,
            'x'.repeat(100_000),
          ]),
        },
        { saved: pick(random, ['funnel', 'nope', '__proto__']), params: { from: pick(random, HOSTILE_VALUES) } },
      ];
      return {
        kind: 'hostile predictions and queries',
        method: 'POST',
        path: pick(random, ['/predictions', '/query']),
        headers: json,
        body: JSON.stringify(pick(random, bodies)),
      };
    }
    case 12: {
      const idempotency = pick(random, ['has space', 'x'.repeat(300), 'é', 'ok-key', '\t']);
      return {
        kind: 'idempotency key tricks',
        method: 'POST',
        path: '/click',
        headers: { ...json, 'idempotency-key': idempotency },
        body: JSON.stringify({ tx_id: txId }),
      };
    }
    case 13: {
      const click = () => {
        const body: Record<string, unknown> = {
          user_id: `${userPrefix}${i % 50}`,
          event_timestamp: Date.now() - Math.floor(random() * 60_000),
          event_name: 'detail',
          device_type: 'mobile',
        };
        const fields = [...Object.keys(body), 'event_type', 'product_id', 'quantity', 'extra', '__proto__'];
        for (let n = Math.floor(random() * 3); n > 0; n--) body[pick(random, fields)] = pick(random, HOSTILE_VALUES);
        return body;
      };
      const body = random() < 0.5 ? click() : { events: Array.from({ length: pick(random, [1, 20, 500]) }, click) };
      return {
        kind: 'hostile clickstream',
        method: 'POST',
        path: '/clickstream',
        headers: json,
        body: JSON.stringify(body),
      };
    }
    default: {
      // Raw sockets: header tricks fetch refuses to send.
      const body = JSON.stringify(validBid(txId));
      const head = `Host: x\r\nx-api-key: ${apiKey}\r\nConnection: close\r\n`;
      const variants: [string, string][] = [
        [
          'body shorter than Content-Length',
          `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nContent-Length: ${body.length + 50}\r\n\r\n${body}`,
        ],
        [
          'body longer than Content-Length',
          `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nContent-Length: 5\r\n\r\n${body}`,
        ],
        [
          'two Content-Lengths',
          `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n${body}`,
        ],
        [
          'broken chunked encoding',
          `POST /bid HTTP/1.1\r\n${head}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
        ],
        [
          'control character in a header',
          `POST /click HTTP/1.1\r\n${head}Content-Type: application/json\r\nIdempotency-Key: a\u0001b\r\nContent-Length: 15\r\n\r\n{"tx_id":"raw"}`,
        ],
        ['20 KB header', `GET /models HTTP/1.1\r\n${head}X-Huge: ${'h'.repeat(20_000)}\r\n\r\n`],
        ['dot-dot path', `GET /../../etc/passwd HTTP/1.1\r\n${head}\r\n`],
        ['unknown method', `BREW /bid HTTP/1.1\r\n${head}\r\n`],
        [
          'two API keys',
          `POST /bid HTTP/1.1\r\n${head}x-api-key: other\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        ],
      ];
      const [name, text] = pick(random, variants);
      return { kind: `raw socket: ${name}`, method: 'RAW', path: '', headers: {}, raw: Buffer.from(text, 'latin1') };
    }
  }
}

interface Outcome {
  kind: string;
  /** The route, for raw-socket requests too */
  path?: string;
  status: number;
  body: string;
  networkError?: string;
}

async function send(cloud: TestCloud, request: FuzzRequest): Promise<Outcome> {
  if (request.raw) return sendRaw(cloud.url, request.kind, request.raw);
  try {
    const response = await fetch(cloud.url + request.path, {
      method: request.method,
      headers: request.headers,
      ...(request.method === 'GET' ? {} : { body: request.body }),
    });
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
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      kind.includes('shorter than') ? socket.end(raw) : socket.write(raw),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      // The first answer's body: an answer to bytes left over after the request may follow it.
      const bodyStart = text.indexOf('\r\n\r\n') + 4;
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, bodyStart))?.[1];
      resolve({
        kind,
        path: rawRoute(raw),
        status,
        body: text.slice(bodyStart, length === undefined ? undefined : bodyStart + Number(length)),
      });
    });
    socket.setTimeout(30_000, () => socket.destroy());
  });
}

const rawRoute = (raw: Buffer): string | undefined => /^\S+ (\S+)/.exec(raw.toString('latin1'))?.[1];

type AcceptedEvent = components['schemas']['AcceptedEvent'];

/**
 * The events an answer says were accepted, each with the record it went to: a 202's
 * `AcceptedEvent`, a batch's accepted `BatchItemResult`s; undefined when such an answer is not the
 * contract's shape, so that no accepted event can go uncounted.
 */
function acceptedIn(outcome: Outcome): AcceptedEvent[] | undefined {
  const body = tryJson(outcome.body);
  if (outcome.status === 202) return validateAcceptedEvent(body) ? [body] : undefined;
  if (outcome.status !== 200 || !INGEST_ROUTES.has(outcome.path ?? '')) return [];
  if (!validateBatchResult(body)) return undefined;
  return body.results.flatMap((result) => (result.status === 'accepted' ? [result] : []));
}

const idsInBodies = new WeakMap<Buffer, string[]>();

/**
 * The stream a request to an ingest route may write to, and the ids its records there would carry
 * (`tx_id` or `user_id` of the body and of each batch item), read as the gateway decodes the body
 * and JSON.parse reads it (a leading BOM forgiven). Each oversized body is read once.
 */
function idsSent(request: FuzzRequest): { stream: StreamName; ids: string[] } | undefined {
  const route = routeOf(request);
  if (!INGEST_ROUTES.has(route ?? '')) return undefined;
  const stream = streamOfRoute(route);
  const { body } = request;
  if (Buffer.isBuffer(body)) {
    const ids = idsInBodies.get(body) ?? idsInJson(body.toString('utf8'), STREAMS[stream].idField);
    idsInBodies.set(body, ids);
    return { stream, ids };
  }
  const text = request.raw ? request.raw.toString('latin1').split('\r\n\r\n').slice(1).join('\r\n\r\n') : (body ?? '');
  return { stream, ids: idsInJson(text, STREAMS[stream].idField) };
}

function idsInJson(text: string, idField: string): string[] {
  const parsed = tryJson(text.replace(/^\ufeff/, ''));
  const items: unknown[] = [parsed, ...(Array.isArray(parsed?.events) ? parsed.events : [])];
  return items
    .map((item) => (item as Record<string, unknown> | null | undefined)?.[idField])
    .filter((id): id is string => typeof id === 'string');
}

const routeOf = (request: FuzzRequest): string | undefined =>
  request.raw ? rawRoute(request.raw) : request.path.split('?', 1)[0];

const positionOf = (shardId: string, sequenceNumber: string): string => `${shardId}/${sequenceNumber}`;
const envelopeOf = (record: StreamRecordRead) =>
  (record.data ?? {}) as { event_id?: unknown; received_at?: unknown; data?: Record<string, unknown> };

/**
 * Compares the records the answers name with the records of the fuzzer's that the stream holds,
 * each as `<shard>/<sequence number> <event_id> <received_at>`: what an answer promised and the
 * stream does not hold there (or holds twice over: two answers for one record), and what the
 * stream holds that no answer promised.
 */
function compareWithAnswers(
  answers: readonly AcceptedEvent[],
  records: readonly StreamRecordRead[],
): { missing: string[]; unexpected: string[] } {
  const unpromised = new Map<string, StreamRecordRead>(
    records.map((record) => {
      const { event_id, received_at } = envelopeOf(record);
      return [
        `${positionOf(record.shardId, record.sequenceNumber)} ${String(event_id)} ${String(received_at)}`,
        record,
      ];
    }),
  );
  const missing: string[] = [];
  for (const answer of answers) {
    const identity = `${positionOf(answer.shard_id, answer.sequence_number)} ${answer.event_id} ${answer.received_at}`;
    if (!unpromised.delete(identity)) missing.push(identity);
  }
  return {
    missing,
    unexpected: [...unpromised].map(
      ([identity, record]) => `${identity} (partition key ${record.partitionKey.slice(0, 40)})`,
    ),
  };
}

describe('fuzzing every API with hostile requests', () => {
  let cloud: TestCloud;

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it(`answers ${REQUESTS} hostile requests with 4xx (or documented 503s), stays up, and lets nothing invalid into the streams`, async () => {
    // Prepare: what the streams hold before the run, to tell what arrived during it
    const kinesis = localKinesisClient(cloud.kinesisEndpoint);
    const readStreams = async (): Promise<Record<StreamName, StreamRecordRead[]>> => {
      const [raw, clickstream] = await Promise.all([
        readWholeStream(kinesis, STREAMS.raw.name),
        readWholeStream(kinesis, STREAMS.clickstream.name),
      ]);
      return { raw, clickstream };
    };
    const before = await readStreams();
    const random = seededRandom(SEED);
    const kinds = new Set<string>();
    const idsSentTo: Record<StreamName, Set<string>> = { raw: new Set(), clickstream: new Set() };
    const outcomes: Outcome[] = [];

    // Act: each request is generated when it is sent, in the seed's order, while the cloud works on the others.
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const request = generate(random, cloud.apiKey, next++);
          kinds.add(request.kind);
          const sent = idsSent(request);
          sent?.ids.forEach((id) => idsSentTo[sent.stream].add(id));
          outcomes.push(await send(cloud, request));
        }
      }),
    );
    const after = await Promise.all([
      cloud.fetch('/bid', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validBid(afterTxId)),
      }),
      cloud.fetch('/reports/campaigns/1463517'),
      cloud.fetch('/query/saved'),
    ]);
    const afterBid: Outcome = {
      kind: 'after the fuzzing',
      path: '/bid',
      status: after[0]!.status,
      body: await after[0]!.text(),
    };
    const records = await readStreams();

    // Assess
    const serverErrors = outcomes.filter(
      (o) => o.status >= 500 && !(o.status === 503 && DOCUMENTED_503.has(tryJson(o.body)?.code as string)),
    );
    const networkErrors = outcomes.filter((o) => o.networkError !== undefined);
    const notContractErrors = outcomes.filter(
      (o) => o.status >= 400 && !o.kind.startsWith('raw socket') && !validateError(tryJson(o.body)),
    );
    expect(new Set([...kinds].map((kind) => kind.split(':')[0])).size).toBe(15);
    expect(outcomes).toHaveLength(REQUESTS);
    expect({ seed: SEED, serverErrors: serverErrors.slice(0, 5) }).toStrictEqual({ seed: SEED, serverErrors: [] });
    expect({ seed: SEED, networkErrors: networkErrors.slice(0, 5) }).toStrictEqual({ seed: SEED, networkErrors: [] });
    expect({
      seed: SEED,
      notContractErrors: notContractErrors.slice(0, 5).map((o) => ({ ...o, body: o.body.slice(0, 300) })),
    }).toStrictEqual({ seed: SEED, notContractErrors: [] });
    const rawStatuses = [
      ...new Set(outcomes.filter((o) => o.kind.startsWith('raw socket')).map((o) => `${o.kind} → ${o.status}`)),
    ].sort();
    expect(rawStatuses.filter((line) => !/→ [234]\d\d$/.test(line))).toStrictEqual([]);
    expect(after.map((response) => response.status)).toStrictEqual([202, 200, 200]);

    // Other suites write to the same streams meanwhile, so each stream is checked for the fuzzer's
    // records, told apart exactly. Every accepted event's answer names its record: shard, sequence
    // number, event_id, received_at. A record is the fuzzer's when an answer names it; when its tx_id
    // or user_id is in the fuzzer's namespace (`fuzz-`, `after-fuzz`, `fuzz-user-`), wherever it is in
    // the stream; or when it was not there before the run and carries an id the fuzzer sent outside
    // that namespace: a hostile value in a mutated tx_id (TxId takes any string of 1 to 256
    // characters), `x`, `raw`, undecodable bytes, which no other suite sends (namespaces.ts).
    // The fuzzer's records must be exactly the answered ones, each a valid envelope: no accepted event
    // missing or written twice, nothing written for a refused request or item. That is the count of
    // the whole stream this suite made on a cloud of its own (accepted events, +1 for the after-fuzz
    // bid) kept to the fuzzer's records, and stricter: each record is matched to its answer.
    // Records that arrived during the run with ids the fuzzer never sent are left out: telling them from
    // the other suites' would rest on every other suite keeping to its namespace, and a slip there
    // would fail this suite.
    const answers: Record<StreamName, AcceptedEvent[]> = { raw: [], clickstream: [] };
    const malformedAnswers: Outcome[] = [];
    for (const outcome of [...outcomes, afterBid]) {
      const accepted = acceptedIn(outcome);
      if (accepted) answers[streamOfRoute(outcome.path)].push(...accepted);
      else malformedAnswers.push(outcome);
    }
    expect({
      seed: SEED,
      malformedAnswers: malformedAnswers.slice(0, 5).map((o) => ({ ...o, body: o.body.slice(0, 300) })),
    }).toStrictEqual({ seed: SEED, malformedAnswers: [] });
    for (const stream of ['raw', 'clickstream'] as const) {
      const { idField, isEnvelope, isFuzzers } = STREAMS[stream];
      const answered = new Set(answers[stream].map((answer) => positionOf(answer.shard_id, answer.sequence_number)));
      const existedBefore = new Set(before[stream].map((record) => positionOf(record.shardId, record.sequenceNumber)));
      const fuzzers = records[stream].filter((record) => {
        const position = positionOf(record.shardId, record.sequenceNumber);
        const ids = [record.partitionKey, envelopeOf(record).data?.[idField]].filter(
          (id): id is string => typeof id === 'string',
        );
        return (
          answered.has(position) ||
          ids.some((id) => isFuzzers(id) || (!existedBefore.has(position) && idsSentTo[stream].has(id)))
        );
      });
      const { missing, unexpected } = compareWithAnswers(answers[stream], fuzzers);
      expect({ seed: SEED, stream, missing: missing.slice(0, 5), unexpected: unexpected.slice(0, 5) }).toStrictEqual({
        seed: SEED,
        stream,
        missing: [],
        unexpected: [],
      });
      expect({
        seed: SEED,
        stream,
        notEnvelopes: fuzzers.filter((record) => !isEnvelope(record.data)).slice(0, 5),
      }).toStrictEqual({ seed: SEED, stream, notEnvelopes: [] });
    }
    expect(answers.clickstream.length).toBeGreaterThan(0);
  }, 900_000);
});

function tryJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
