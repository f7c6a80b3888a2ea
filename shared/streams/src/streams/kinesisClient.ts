import http from 'node:http';
import https from 'node:https';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * A Kinesis client for writes from a function. HTTP/1.1 keep-alive (the SDK's HTTP/2 default breaks
 * local emulators and buys nothing for PutRecord[s]); the endpoint comes from the standard
 * `AWS_ENDPOINT_URL_KINESIS` setting when running locally. Retries are left to `putRecordsReliably`,
 * which owns the whole retry budget of a write.
 */
export function createKinesisClient(): KinesisClient {
  return new KinesisClient({
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
      connectionTimeout: 1_000,
      requestTimeout: 3_000,
    }),
  });
}
