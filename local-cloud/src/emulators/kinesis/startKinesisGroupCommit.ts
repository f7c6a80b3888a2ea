import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { readWholeBody, relayAnswer, startFrontServer } from '../../net/frontServer.js';
import { upstreamClient } from '../../net/upstreamClient.js';
import type { Emulator } from '../types.js';

/** PutRecords' limits: what one grouped write may carry. */
const MAX_GROUP_RECORDS = 500;
const MAX_GROUP_BYTES = 5 * 1024 * 1024;
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
const PUT_RECORD = 'Kinesis_20131202.PutRecord';
const PUT_RECORDS = 'Kinesis_20131202.PutRecords';

interface KinesisRecord {
  Data: string;
  PartitionKey: string;
  ExplicitHashKey?: string;
}

/** One caller's write waiting in its stream's queue. */
interface PendingWrite {
  single: boolean;
  records: KinesisRecord[];
  bytes: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  response: ServerResponse;
}

export interface KinesisGroupCommit extends Emulator {
  /** Writes taken and the grouped PutRecords calls that carried them, since start */
  readonly stats: { writes: number; groups: number };
}

/**
 * A front of the local Kinesis that commits concurrent writes to one stream together: while a write
 * to a stream is in flight, the PutRecord and PutRecords calls that arrive for it queue, and go
 * on as one PutRecords (up to 500 records, 5 MiB). Each caller is answered only once its own records
 * are stored, with its own shard and sequence numbers, exactly as if it had written alone; a group
 * that kinesalite refuses (a validation error, a missing stream) is sent again call by call, so every
 * caller gets the answer its own call deserves. Every other call passes through unchanged.
 *
 * kinesalite stores each call under a lock per stream with three LevelDB operations (read the stream,
 * write it back, write the records): under concurrent single-record writes that lock, not the
 * records, bounds throughput. Grouping keeps per-request acknowledgement and pays it once per group.
 *
 * @example
 * ```ts
 * const front = await startKinesisGroupCommit(kinesalite.endpoint);
 * // functions get AWS_ENDPOINT_URL_KINESIS=front.endpoint
 * await front.stop();
 * ```
 */
export async function startKinesisGroupCommit(target: string): Promise<KinesisGroupCommit> {
  const upstream = upstreamClient(target);
  const queues = new Map<string, PendingWrite[]>();
  const writing = new Set<string>();
  const stats = { writes: 0, groups: 0 };

  const call = upstream.call;

  const alone = async (write: PendingWrite, target: string): Promise<void> => {
    relayAnswer(write.response, await call('POST', '/', { ...write.headers, 'x-amz-target': target }, write.body));
  };

  const flush = async (stream: string): Promise<void> => {
    const queue = queues.get(stream)!;
    writing.add(stream);
    while (queue.length > 0) {
      const group = takeGroup(queue);
      stats.groups++;
      try {
        if (group.length === 1) {
          await alone(group[0]!, group[0]!.single ? PUT_RECORD : PUT_RECORDS);
          continue;
        }
        const records = group.flatMap((write) => write.records);
        const body = Buffer.from(JSON.stringify({ StreamName: stream, Records: records }));
        const answer = await call('POST', '/', { ...group[0]!.headers, 'x-amz-target': PUT_RECORDS }, body);
        if (answer.status !== 200) {
          await Promise.all(group.map((write) => alone(write, write.single ? PUT_RECORD : PUT_RECORDS)));
          continue;
        }
        answerEach(group, JSON.parse(answer.body.toString('utf8')) as { Records: Record<string, unknown>[] });
      } catch {
        for (const write of group) write.response.destroy();
      }
    }
    writing.delete(stream);
  };

  const enqueue = (stream: string, write: PendingWrite): void => {
    stats.writes++;
    const queue = queues.get(stream) ?? [];
    queue.push(write);
    queues.set(stream, queue);
    if (!writing.has(stream)) void flush(stream);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readWholeBody(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    const write =
      (target === PUT_RECORD || target === PUT_RECORDS) &&
      String(request.headers['content-type']).startsWith(JSON_CONTENT_TYPE)
        ? parseWrite(target, body)
        : undefined;
    if (!write)
      return relayAnswer(response, await call(request.method ?? 'POST', request.url ?? '/', request.headers, body));
    enqueue(write.stream, { ...write, headers: request.headers, body, response });
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

/**
 * The stream and records of a PutRecord or PutRecords body, or undefined for a call that must go on
 * its own: unreadable, without a stream name, or asking for an order (`SequenceNumberForOrdering`).
 */
function parseWrite(
  target: string,
  body: Buffer,
): { stream: string; single: boolean; records: KinesisRecord[]; bytes: number } | undefined {
  let input: {
    StreamName?: unknown;
    Records?: unknown;
    SequenceNumberForOrdering?: unknown;
    Data?: unknown;
    PartitionKey?: unknown;
    ExplicitHashKey?: unknown;
  };
  try {
    input = JSON.parse(body.toString('utf8')) as typeof input;
  } catch {
    return undefined;
  }
  if (typeof input !== 'object' || input === null || typeof input.StreamName !== 'string') return undefined;
  const single = target === PUT_RECORD;
  if (single && input.SequenceNumberForOrdering !== undefined) return undefined;
  const records = (single ? [input] : input.Records) as KinesisRecord[] | undefined;
  if (!Array.isArray(records) || records.length === 0 || !records.every(isRecord)) return undefined;
  const bytes = records.reduce((sum, record) => sum + record.Data.length + record.PartitionKey.length, 0);
  return {
    stream: input.StreamName,
    single,
    records: records.map(({ Data, PartitionKey, ExplicitHashKey }) => ({
      Data,
      PartitionKey,
      ...(ExplicitHashKey === undefined ? {} : { ExplicitHashKey }),
    })),
    bytes,
  };
}

function isRecord(value: unknown): value is KinesisRecord {
  const record = value as KinesisRecord;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.Data === 'string' &&
    typeof record.PartitionKey === 'string' &&
    (record.ExplicitHashKey === undefined || typeof record.ExplicitHashKey === 'string')
  );
}

/** The first writes of the queue that fit one PutRecords, in order; at least one. */
function takeGroup(queue: PendingWrite[]): PendingWrite[] {
  let records = 0;
  let bytes = 0;
  let count = 0;
  for (const write of queue) {
    if (count > 0 && (records + write.records.length > MAX_GROUP_RECORDS || bytes + write.bytes > MAX_GROUP_BYTES))
      break;
    records += write.records.length;
    bytes += write.bytes;
    count++;
  }
  return queue.splice(0, count);
}

/** Answers every write of a stored group with the results of its own records. */
function answerEach(group: readonly PendingWrite[], output: { Records: Record<string, unknown>[] }): void {
  let at = 0;
  for (const write of group) {
    const results = output.Records.slice(at, at + write.records.length);
    at += write.records.length;
    const failed = results.filter((result) => result.ErrorCode !== undefined).length;
    const answer = write.single
      ? failed === 0
        ? { status: 200, body: { ShardId: results[0]!.ShardId, SequenceNumber: results[0]!.SequenceNumber } }
        : { status: 400, body: { __type: results[0]!.ErrorCode, message: results[0]!.ErrorMessage } }
      : { status: 200, body: { FailedRecordCount: failed, Records: results } };
    const text = JSON.stringify(answer.body);
    write.response
      .writeHead(answer.status, {
        'content-type': JSON_CONTENT_TYPE,
        'content-length': Buffer.byteLength(text),
        'x-amzn-RequestId': randomUUID(),
      })
      .end(text);
  }
}
