import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import { dynamoDbItemSize, readRequestUnits, writeRequestUnits, type WireAttributeValue } from '@sdp/shared-cost';
import type { Emulator } from '../emulators/types.js';
import { upstreamClient } from '../net/upstreamClient.js';

/** Operations that consume capacity, and whether they write. */
const CAPACITY_OPERATIONS: Record<string, { writes: boolean; transactional: boolean }> = {
  PutItem: { writes: true, transactional: false },
  UpdateItem: { writes: true, transactional: false },
  DeleteItem: { writes: true, transactional: false },
  BatchWriteItem: { writes: true, transactional: false },
  TransactWriteItems: { writes: true, transactional: true },
  GetItem: { writes: false, transactional: false },
  BatchGetItem: { writes: false, transactional: false },
  Query: { writes: false, transactional: false },
  Scan: { writes: false, transactional: false },
  TransactGetItems: { writes: false, transactional: true },
};
type Item = Record<string, WireAttributeValue>;
interface TransactWriteItem {
  Put?: { TableName: string; Item: Item };
  Update?: { TableName: string; Key: Item };
  Delete?: { TableName: string; Key: Item };
  ConditionCheck?: { TableName: string; Key: Item };
}
/** A conditional write that fails still consumes a write (of at least 1 KB). */
const FAILED_CONDITION_WRITE_UNITS = 1;

interface ConsumedCapacity {
  CapacityUnits?: number;
}

export interface DynamoDbMeter extends Emulator {
  /** The endpoint a caller uses so that what it consumes is counted under `scope` */
  endpointFor(scope: string): string;
}

export interface DynamoDbUnits {
  readRequestUnits: number;
  writeRequestUnits: number;
}

/**
 * A front for DynamoDB Local that counts the request units each caller consumes, as DynamoDB bills
 * them. Callers are told apart by the path of their endpoint (`/scope/<name>`); every capacity
 * consuming request asks DynamoDB Local for its consumed capacity, and the answer is passed back as
 * the caller asked for it (without the field when it did not ask, with its checksum recomputed).
 *
 * @example
 * ```ts
 * const meter = await startDynamoDbMeter(dynamoDbLocal.endpoint, (scope, units) => usage.add(scope, units));
 * // functions get AWS_ENDPOINT_URL_DYNAMODB = meter.endpointFor(functionName)
 * ```
 */
export async function startDynamoDbMeter(
  upstream: string,
  onUnits: (scope: string, units: DynamoDbUnits) => void,
): Promise<DynamoDbMeter> {
  const dynamoDbLocal = upstreamClient(upstream);
  const forward = (method: string, headers: http.IncomingHttpHeaders, body: Buffer) =>
    dynamoDbLocal.call(method, '/', headers, body);

  /** The current size of each keyed item, read after the transaction (an item that is gone counts as 1 byte). */
  const sizesOf = async (request: IncomingMessage, keys: { TableName: string; Key: Item }[]): Promise<number[]> => {
    if (keys.length === 0) return [];
    const RequestItems: Record<string, { Keys: Item[] }> = {};
    for (const { TableName, Key } of keys) (RequestItems[TableName] ??= { Keys: [] }).Keys.push(Key);
    const answer = await forward(
      'POST',
      { ...request.headers, 'x-amz-target': 'DynamoDB_20120810.BatchGetItem' },
      Buffer.from(JSON.stringify({ RequestItems })),
    );
    const found = (JSON.parse(answer.body.toString('utf8')) as { Responses?: Record<string, Item[]> }).Responses ?? {};
    return keys.map(({ TableName, Key }) => {
      const item = found[TableName]?.find((candidate) =>
        Object.entries(Key).every(([name, value]) => JSON.stringify(candidate[name]) === JSON.stringify(value)),
      );
      return item ? dynamoDbItemSize(item) : 1;
    });
  };

  const transactWriteUnits = async (request: IncomingMessage, items: TransactWriteItem[]): Promise<DynamoDbUnits> => {
    const keyed = items.flatMap((item) => {
      const target = item.Update ?? item.Delete ?? item.ConditionCheck;
      return target
        ? [{ TableName: target.TableName, Key: target.Key, checkOnly: item.ConditionCheck !== undefined }]
        : [];
    });
    const sizes = await sizesOf(request, keyed);
    let writes = items.reduce(
      (sum, item) => sum + (item.Put ? writeRequestUnits(dynamoDbItemSize(item.Put.Item), { transactional: true }) : 0),
      0,
    );
    let reads = 0;
    keyed.forEach(({ checkOnly }, index) => {
      if (checkOnly) reads += readRequestUnits(sizes[index]!, 'transactional');
      else writes += writeRequestUnits(sizes[index]!, { transactional: true });
    });
    return { readRequestUnits: reads, writeRequestUnits: writes };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const scope = decodeURIComponent(/^\/scope\/([^/]+)/.exec(request.url ?? '')?.[1] ?? 'unattributed');
    const operation = CAPACITY_OPERATIONS[String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? ''];
    let body = Buffer.concat(chunks);
    let asked = true;
    if (operation) {
      const payload = JSON.parse(body.toString('utf8')) as { ReturnConsumedCapacity?: string };
      asked = payload.ReturnConsumedCapacity !== undefined && payload.ReturnConsumedCapacity !== 'NONE';
      if (!asked) body = Buffer.from(JSON.stringify({ ...payload, ReturnConsumedCapacity: 'TOTAL' }));
    }
    const answer = await forward(request.method ?? 'POST', request.headers, body);
    let answerBody = answer.body;
    if (operation?.transactional && answer.status === 200) {
      // DynamoDB Local's figure for a transaction is wrong (ten 100-byte puts reported as 4 units, not
      // 20), so a transaction is counted from its items: 2 write units per started KB of each written
      // item, 2 read units per started 4 KB of each checked or read item.
      const units = operation.writes
        ? await transactWriteUnits(
            request,
            (JSON.parse(body.toString('utf8')) as { TransactItems: TransactWriteItem[] }).TransactItems,
          )
        : transactGetUnits(JSON.parse(answer.body.toString('utf8')) as { Responses?: { Item?: Item }[] });
      onUnits(scope, units);
      if (!asked) answerBody = withoutConsumedCapacity(answer.body);
    } else if (operation && answer.status === 200) {
      const payload = JSON.parse(answer.body.toString('utf8')) as {
        ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[];
      };
      const units = [payload.ConsumedCapacity ?? []].flat().reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
      onUnits(scope, {
        readRequestUnits: operation.writes ? 0 : units,
        writeRequestUnits: operation.writes ? units : 0,
      });
      if (!asked) answerBody = withoutConsumedCapacity(answer.body);
    } else if (operation?.writes && answer.body.includes('ConditionalCheckFailedException')) {
      onUnits(scope, { readRequestUnits: 0, writeRequestUnits: FAILED_CONDITION_WRITE_UNITS });
    }
    // The body goes back whole, with its length: DynamoDB Local's chunked framing of a large answer does not apply to it.
    const { 'transfer-encoding': _chunked, ...passed } = answer.headers;
    const headers: http.OutgoingHttpHeaders = { ...passed, 'content-length': String(answerBody.length) };
    if (answerBody !== answer.body && headers['x-amz-crc32'] !== undefined)
      headers['x-amz-crc32'] = String(crc32(answerBody));
    response.writeHead(answer.status, headers).end(answerBody);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      response
        .writeHead(502, { 'content-type': 'application/x-amz-json-1.0' })
        .end(JSON.stringify({ __type: 'InternalServerError', message: String(error) }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    endpointFor: (scope) => `${endpoint}/scope/${encodeURIComponent(scope)}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      dynamoDbLocal.destroy();
    },
  };
}

function transactGetUnits(answer: { Responses?: { Item?: Item }[] }): DynamoDbUnits {
  const reads = (answer.Responses ?? []).reduce(
    (sum, { Item: item }) => sum + readRequestUnits(item ? dynamoDbItemSize(item) : 1, 'transactional'),
    0,
  );
  return { readRequestUnits: reads, writeRequestUnits: 0 };
}

function withoutConsumedCapacity(body: Buffer): Buffer {
  const { ConsumedCapacity: _dropped, ...rest } = JSON.parse(body.toString('utf8')) as { ConsumedCapacity?: unknown };
  return Buffer.from(JSON.stringify(rest));
}
