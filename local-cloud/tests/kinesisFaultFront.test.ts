import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  PutRecordCommand,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startKinesalite } from '../src/emulators/startKinesalite.js';
import { isKinesisWrite, refusalAnswer, startKinesisFaultFront } from '../src/emulators/startKinesisFaultFront.js';
import { freePort } from '../src/net/freePort.js';

describe('the Kinesis fault front', () => {
  it('tells writes from reads by their X-Amz-Target', () => {
    // Act
    const kinds = [
      'Kinesis_20131202.PutRecords',
      'Kinesis_20131202.PutRecord',
      'Kinesis_20131202.GetRecords',
      undefined,
    ].map(isKinesisWrite);

    // Assess
    expect(kinds).toStrictEqual([true, true, false, false]);
    expect(refusalAnswer('throttle').status).toBe(400);
    expect(JSON.parse(refusalAnswer('throttle').body).__type).toBe('ProvisionedThroughputExceededException');
    expect(refusalAnswer('unavailable').status).toBe(503);
  });

  it('passes everything through, and refuses only writes while told to, as Kinesis would', async () => {
    // Prepare
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-front-'));
    const kinesalite = await startKinesalite({ port: await freePort(), dataDir });
    const front = await startKinesisFaultFront(kinesalite.endpoint);
    const client = new KinesisClient({
      endpoint: front.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
      requestHandler: new NodeHttpHandler(),
      maxAttempts: 1,
    });
    const put = () =>
      client.send(new PutRecordCommand({ StreamName: 's', PartitionKey: 'k', Data: Buffer.from('x') })).then(
        () => 'ok',
        (error: Error) => error.name,
      );
    try {
      await client.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
      // A new stream is CREATING for a moment, however short kinesalite makes it: a busy machine writes before it is ACTIVE.
      await waitUntilStreamExists({ client, maxWaitTime: 30, minDelay: 0.1, maxDelay: 0.5 }, { StreamName: 's' });

      // Act
      const before = await put();
      front.refuseWrites('throttle', 60_000);
      const throttled = await put();
      const read = await client.send(new DescribeStreamSummaryCommand({ StreamName: 's' })).then(() => 'ok');
      front.refuseWrites('unavailable', 60_000);
      const unavailable = await put();
      front.allowWrites();
      const after = await put();

      // Assess
      expect([before, throttled, read, unavailable, after]).toStrictEqual([
        'ok',
        'ProvisionedThroughputExceededException',
        'ok',
        'ServiceUnavailable',
        'ok',
      ]);
      expect(front.refused).toStrictEqual({ throttle: 1, unavailable: 1 });
    } finally {
      client.destroy();
      await front.stop();
      await kinesalite.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
