import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
import { readWholeBody, relayAnswer, startFrontServer } from '../net/frontServer.js';
import { upstreamClient } from '../net/upstreamClient.js';
import type { Emulator } from './types.js';

/** TransactWriteItems' limits: what one grouped write may carry. */
const MAX_GROUP_WRITES = 100;
const MAX_GROUP_BYTES = 4 * 1024 * 1024;
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'DynamoDB_20120810.';
const ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const OPERATIONS = { PutItem: 'Put', UpdateItem: 'Update', DeleteItem: 'Delete' } as const;
/** Parameters a transaction item cannot carry: a write that uses one goes on its own. */
const ALONE_PARAMETERS = [
  'ReturnValues',
  'ReturnConsumedCapacity',
  'ReturnItemCollectionMetrics',
  'Expected',
  'AttributeUpdates',
  'ConditionalOperator',
];

type Operation = keyof typeof OPERATIONS;
type Item = Record<string, unknown>;

/** One caller's write waiting in the queue. */
interface PendingWrite {
  operation: Operation;
  input: Item & { TableName: string; ReturnValuesOnConditionCheckFailure?: string };
  /** Table and key: one transaction may not write an item twice */
  itemKey: string;
  bytes: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  response: ServerResponse;
}

interface CancellationReason {
  Code?: string;
  Message?: string;
  Item?: Item;
}

export interface DynamoDbGroupCommit extends Emulator {
  /** Writes taken and the transactions that carried them together, since start */
  readonly stats: { writes: number; groups: number };
}

/**
 * A front of DynamoDB Local that commits concurrent single-item writes together. DynamoDB Local
 * syncs its database to disk once per request, so conditional `PutItem`, `UpdateItem` and
 * `DeleteItem` calls (what the consumers write, one item each, 1 write unit each on AWS) cost a
 * disk sync apiece, while one `TransactWriteItems` of 100 items costs one (`npm run
 * bench:dynamodb-writes`). While a group is being written, the writes that arrive queue, and the
 * next group carries up to 100 of them on distinct items as one transaction, each with its own
 * condition. Each caller is answered only once its own write is stored, with the answer its call
 * deserves: `{}`, or `ConditionalCheckFailedException` (with the old item if it asked for it). A
 * write that was only cancelled along with another's failed condition goes into the next group; a
 * write the transaction refused for another reason is sent again alone, so its caller gets the
 * engine's own answer. Reads, transactions, batch writes and writes that ask for returned values
 * pass through unchanged. This is the DynamoDB twin of the Kinesis group commit (ADR 1): what the
 * functions send, and what AWS would bill for it, does not change.
 *
 * @example
 * ```ts
 * const front = await startDynamoDbGroupCommit(dynamoDbLocal.endpoint);
 * // functions get AWS_ENDPOINT_URL_DYNAMODB=front.endpoint
 * await front.stop();
 * ```
 */
export async function startDynamoDbGroupCommit(target: string): Promise<DynamoDbGroupCommit> {
  const upstream = upstreamClient(target);
  const queue: PendingWrite[] = [];
  const keySchemas = new Map<string, Promise<string[] | undefined>>();
  const stats = { writes: 0, groups: 0 };
  let writing = false;

  const alone = async (write: PendingWrite): Promise<void> =>
    relayAnswer(write.response, await upstream.call('POST', '/', write.headers, write.body));

  /** The key attribute names of a table, read once (undefined when it cannot be described: its writes go alone). */
  const keyNamesOf = (tableName: string, headers: IncomingHttpHeaders): Promise<string[] | undefined> => {
    let names = keySchemas.get(tableName);
    if (!names) {
      names = upstream
        .call(
          'POST',
          '/',
          { ...headers, 'x-amz-target': `${TARGET_PREFIX}DescribeTable` },
          Buffer.from(JSON.stringify({ TableName: tableName })),
        )
        .then((answer) => {
          if (answer.status !== 200) return undefined;
          const { Table } = JSON.parse(answer.body.toString('utf8')) as {
            Table?: { KeySchema?: { AttributeName: string }[] };
          };
          return Table?.KeySchema?.map((key) => key.AttributeName);
        });
      names.then(
        (found) => (found ? undefined : keySchemas.delete(tableName)),
        () => keySchemas.delete(tableName),
      );
      keySchemas.set(tableName, names);
    }
    return names.catch(() => undefined);
  };

  const flush = async (): Promise<void> => {
    writing = true;
    while (queue.length > 0) {
      const group = takeGroup(queue);
      stats.groups++;
      try {
        if (group.length === 1) {
          await alone(group[0]!);
          continue;
        }
        const TransactItems = group.map(({ operation, input }) => ({ [OPERATIONS[operation]]: input }));
        const answer = await upstream.call(
          'POST',
          '/',
          { ...group[0]!.headers, 'x-amz-target': `${TARGET_PREFIX}TransactWriteItems` },
          Buffer.from(JSON.stringify({ TransactItems })),
        );
        if (answer.status === 200) {
          for (const write of group) answer200(write.response);
          continue;
        }
        const { CancellationReasons: reasons } = JSON.parse(answer.body.toString('utf8')) as {
          CancellationReasons?: CancellationReason[];
        };
        if (!reasons || reasons.length !== group.length) {
          await Promise.all(group.map(alone));
          continue;
        }
        const again: PendingWrite[] = [];
        const single: PendingWrite[] = [];
        group.forEach((write, index) => {
          const reason = reasons[index]!;
          if (reason.Code === 'None') again.push(write);
          else if (
            reason.Code === 'ConditionalCheckFailed' &&
            (write.input.ReturnValuesOnConditionCheckFailure !== 'ALL_OLD' || reason.Item)
          ) {
            answerConditionFailed(write, reason);
          } else single.push(write);
        });
        queue.unshift(...again);
        await Promise.all(single.map(alone));
      } catch {
        for (const write of group) write.response.destroy();
      }
    }
    writing = false;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readWholeBody(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const input =
      operation in OPERATIONS && String(request.headers['content-type']).startsWith(JSON_CONTENT_TYPE)
        ? parseWrite(body)
        : undefined;
    const keyNames = input ? await keyNamesOf(input.TableName, request.headers) : undefined;
    const itemKey = input && keyNames ? itemKeyOf(input, keyNames) : undefined;
    if (!input || itemKey === undefined)
      return relayAnswer(
        response,
        await upstream.call(request.method ?? 'POST', request.url ?? '/', request.headers, body),
      );
    stats.writes++;
    queue.push({
      operation: operation as Operation,
      input,
      itemKey,
      bytes: body.length,
      headers: request.headers,
      body,
      response,
    });
    if (!writing) void flush();
  };

  const server = await startFrontServer(handle);
  return {
    endpoint: server.endpoint,
    stats,
    stop: async () => {
      await server.stop();
      upstream.destroy();
    },
  };
}

/** A single-item write that a transaction can carry as it is, or undefined for one that must go alone. */
function parseWrite(body: Buffer): PendingWrite['input'] | undefined {
  let input: Item;
  try {
    input = JSON.parse(body.toString('utf8')) as Item;
  } catch {
    return undefined;
  }
  if (typeof input !== 'object' || input === null || typeof input.TableName !== 'string') return undefined;
  if (ALONE_PARAMETERS.some((name) => input[name] !== undefined && input[name] !== 'NONE')) return undefined;
  const {
    ReturnValues: _values,
    ReturnConsumedCapacity: _capacity,
    ReturnItemCollectionMetrics: _metrics,
    ...rest
  } = input;
  return rest as PendingWrite['input'];
}

/** `<table>\n<key as JSON>`: the item a write touches, from its `Key` or its item's key attributes. */
function itemKeyOf(input: PendingWrite['input'], keyNames: readonly string[]): string | undefined {
  const source = (input.Key ?? input.Item) as Item | undefined;
  if (typeof source !== 'object' || source === null || !keyNames.every((name) => source[name] !== undefined))
    return undefined;
  return `${input.TableName}\n${JSON.stringify(keyNames.map((name) => source[name]))}`;
}

/** The first writes of the queue, on distinct items, that fit one transaction; at least one. A write on an item already taken waits, in order, for the next. */
function takeGroup(queue: PendingWrite[]): PendingWrite[] {
  const taken = new Set<number>();
  const items = new Set<string>();
  let bytes = 0;
  for (let index = 0; index < queue.length && taken.size < MAX_GROUP_WRITES; index++) {
    const write = queue[index]!;
    if (items.has(write.itemKey)) continue;
    items.add(write.itemKey);
    if (taken.size > 0 && bytes + write.bytes > MAX_GROUP_BYTES) break;
    bytes += write.bytes;
    taken.add(index);
  }
  const group = queue.filter((_, index) => taken.has(index));
  const rest = queue.filter((_, index) => !taken.has(index));
  queue.splice(0, queue.length, ...rest);
  return group;
}

function answer200(response: ServerResponse): void {
  send(response, 200, {});
}

function answerConditionFailed(write: PendingWrite, reason: CancellationReason): void {
  send(write.response, 400, {
    __type: `${ERROR_PREFIX}ConditionalCheckFailedException`,
    message: reason.Message ?? 'The conditional request failed',
    ...(write.input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && reason.Item ? { Item: reason.Item } : {}),
  });
}

function send(response: ServerResponse, status: number, body: object): void {
  const text = Buffer.from(JSON.stringify(body));
  response
    .writeHead(status, {
      'content-type': JSON_CONTENT_TYPE,
      'content-length': String(text.length),
      'x-amzn-RequestId': randomUUID(),
      'x-amz-crc32': String(crc32(text)),
    })
    .end(text);
}
