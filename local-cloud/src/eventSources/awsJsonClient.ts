import http from 'node:http';

/** An error answer of an AWS JSON API, named after its `__type` as the AWS SDK names it. */
export class AwsJsonError extends Error {
  public readonly status: number;

  public constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

/** Calls one operation of an AWS JSON API with its input; resolves with the parsed output. */
export type AwsJsonCall = <Output>(operation: string, input: object) => Promise<Output>;

/**
 * A minimal client of an AWS JSON 1.0/1.1 API on a local emulator, for the stream pollers: one
 * keep-alive HTTP request per call, the input and output as the wire JSON, no signing (the
 * emulators check that an `Authorization` header is there, not what it signs). The pollers read
 * every record several times over (one reader per consumer), and the AWS SDK's per-call work —
 * signing, middleware, turning base64 into bytes and back — was most of the local cloud's own CPU
 * under load. Records come out in the wire's JSON, which is what Lambda's events carry.
 *
 * @example
 * ```ts
 * const kinesis = awsJsonClient('http://127.0.0.1:4567', { targetPrefix: 'Kinesis_20131202', version: '1.1' });
 * const { Shards } = await kinesis<{ Shards: { ShardId: string }[] }>('ListShards', { StreamName: 'events' });
 * ```
 */
export function awsJsonClient(
  endpoint: string,
  api: { targetPrefix: string; version: '1.0' | '1.1'; service: string },
): AwsJsonCall {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const contentType = `application/x-amz-json-${api.version}`;
  const call = <Output>(operation: string, input: object, retried = false): Promise<Output> =>
    new Promise<Output>((resolve, reject) => {
      const body = JSON.stringify(input);
      const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/',
          agent,
          headers: {
            'content-type': contentType,
            'content-length': Buffer.byteLength(body),
            'x-amz-target': `${api.targetPrefix}.${operation}`,
            'x-amz-date': amzDate,
            authorization: `AWS4-HMAC-SHA256 Credential=local/${amzDate.slice(0, 8)}/us-east-1/${api.service}/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=local`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Record<string, unknown>;
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              return reject(
                new AwsJsonError(
                  'InvalidResponse',
                  `${operation} answered ${response.statusCode} with ${text.slice(0, 200)}`,
                  response.statusCode ?? 0,
                ),
              );
            }
            if (response.statusCode === 200) return resolve(parsed as Output);
            const type = String(parsed.__type ?? `Http${response.statusCode}`);
            const message = String(parsed.message ?? parsed.Message ?? text.slice(0, 200));
            reject(new AwsJsonError(type.slice(type.lastIndexOf('#') + 1), message, response.statusCode ?? 0));
          });
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the emulator closed while idle fails the next request on it: the
        // request never reached the server, so it is sent again once on a new connection (these are reads).
        if (!retried && request.reusedSocket && error.code === 'ECONNRESET')
          resolve(call<Output>(operation, input, true));
        else reject(error);
      });
      request.end(body);
    });
  return call;
}

const clients = new Map<string, AwsJsonCall>();

/** The Kinesis API of a local endpoint (one client, and its connections, per endpoint). */
export function kinesisJsonClient(endpoint: string): AwsJsonCall {
  const key = `kinesis ${endpoint}`;
  if (!clients.has(key))
    clients.set(key, awsJsonClient(endpoint, { targetPrefix: 'Kinesis_20131202', version: '1.1', service: 'kinesis' }));
  return clients.get(key)!;
}

/** The DynamoDB Streams API of a local endpoint (one client, and its connections, per endpoint). */
export function dynamoDbStreamsJsonClient(endpoint: string): AwsJsonCall {
  const key = `dynamodb-streams ${endpoint}`;
  if (!clients.has(key))
    clients.set(
      key,
      awsJsonClient(endpoint, { targetPrefix: 'DynamoDBStreams_20120810', version: '1.0', service: 'dynamodb' }),
    );
  return clients.get(key)!;
}
