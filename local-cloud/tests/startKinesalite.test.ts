import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  PutRecordCommand,
  PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { localKinesisClient } from '../src/clients.js';
import { startKinesalite } from '../src/emulators/startKinesalite.js';
import { freePort } from '../src/net/freePort.js';

const aRecord = (data: string) => ({ PartitionKey: data, Data: Buffer.from(data) });

describe('startKinesalite', () => {
  it('announces the stream of every PutRecord and PutRecords it answers with 200, and nothing else', async () => {
    // Prepare
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-kinesalite-'));
    const written: (string | undefined)[] = [];
    const kinesis = await startKinesalite({
      port: await freePort(),
      dataDir,
      onWrite: (stream) => written.push(stream),
    });
    const client = localKinesisClient(kinesis.endpoint);
    try {
      await client.send(new CreateStreamCommand({ StreamName: 'raw-events', ShardCount: 1 }));
      await client.send(new CreateStreamCommand({ StreamName: 'enriched-events', ShardCount: 2 }));

      // Act
      await client.send(new PutRecordCommand({ StreamName: 'raw-events', ...aRecord('one') }));
      await client.send(
        new PutRecordsCommand({ StreamName: 'enriched-events', Records: ['a', 'b', 'c'].map(aRecord) }),
      );
      const unknownStream = await client
        .send(new PutRecordCommand({ StreamName: 'no-such-stream', ...aRecord('lost') }))
        .then(
          () => 'accepted',
          (error: Error & { $metadata?: { httpStatusCode?: number } }) => ({
            name: error.name,
            status: error.$metadata?.httpStatusCode,
          }),
        );
      await client.send(new DescribeStreamSummaryCommand({ StreamName: 'raw-events' }));
      await client.send(new PutRecordCommand({ StreamName: 'raw-events', ...aRecord('last') }));
      // The announcement follows the response; the last write's shows that every earlier one had its chance.
      const deadline = Date.now() + 2_000;
      while (written.length < 3 && Date.now() < deadline) await sleep(5);

      // Assess
      expect(unknownStream).toStrictEqual({ name: 'ResourceNotFoundException', status: 400 });
      expect(written).toStrictEqual(['raw-events', 'enriched-events', 'raw-events']);
    } finally {
      client.destroy();
      await kinesis.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 20_000);

  it('announces nothing and serves as before without onWrite', async () => {
    // Prepare
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-kinesalite-'));
    const kinesis = await startKinesalite({ port: await freePort(), dataDir });
    const client = localKinesisClient(kinesis.endpoint);
    try {
      await client.send(new CreateStreamCommand({ StreamName: 'raw-events', ShardCount: 1 }));

      // Act
      const put = await client.send(
        new PutRecordsCommand({ StreamName: 'raw-events', Records: ['a', 'b'].map(aRecord) }),
      );

      // Assess
      expect({ failed: put.FailedRecordCount, records: put.Records?.length }).toStrictEqual({ failed: 0, records: 2 });
    } finally {
      client.destroy();
      await kinesis.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 20_000);

  it('refuses web pages with 403 and no CORS headers: a preflight and a POST carrying an Origin', async () => {
    // Prepare
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-kinesalite-'));
    const kinesis = await startKinesalite({ port: await freePort(), dataDir });
    const client = localKinesisClient(kinesis.endpoint);
    const origin = 'http://web-page.example';
    const answer = async (init: RequestInit) => {
      const response = await fetch(kinesis.endpoint, init);
      await response.arrayBuffer();
      return { status: response.status, allowOrigin: response.headers.get('access-control-allow-origin') };
    };
    try {
      await client.send(new CreateStreamCommand({ StreamName: 'raw-events', ShardCount: 1 }));

      // Act
      const preflight = await answer({
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-amz-target',
        },
      });
      const post = await answer({
        method: 'POST',
        headers: {
          origin,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'Kinesis_20131202.ListStreams',
        },
        body: '{}',
      });
      const sdk = await client.send(new DescribeStreamSummaryCommand({ StreamName: 'raw-events' }));

      // Assess
      expect({ preflight, post, sdkStream: sdk.StreamDescriptionSummary?.StreamName }).toStrictEqual({
        preflight: { status: 403, allowOrigin: null },
        post: { status: 403, allowOrigin: null },
        sdkStream: 'raw-events',
      });
    } finally {
      client.destroy();
      await kinesis.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 20_000);
});
