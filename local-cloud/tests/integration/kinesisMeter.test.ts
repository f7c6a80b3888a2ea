import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStreamCommand,
  PutRecordCommand,
  PutRecordsCommand,
  waitUntilStreamExists,
} from '@aws-sdk/client-kinesis';
import { localKinesisClient } from '../../src/clients.js';
import { startKinesalite } from '../../src/emulators/startKinesalite.js';
import type { Emulator } from '../../src/emulators/types.js';
import { startKinesisMeter, type KinesisMeter } from '../../src/metering/startKinesisMeter.js';
import { freePort } from '../../src/net/freePort.js';

/*
 * The Kinesis meter in front of the real kinesalite, driven by the AWS SDK as the functions drive
 * it: each caller's PUT payload units as Kinesis bills them (a started 25 KB of data and
 * partition key per record written).
 */
const STREAM = 'metered-events';

describe('the Kinesis meter', () => {
  let workDir: string;
  let kinesalite: Emulator;
  let meter: KinesisMeter;
  const counted: { scope: string; units: number }[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'sdp-kinesis-meter-'));
    kinesalite = await startKinesalite({ port: await freePort(), dataDir: join(workDir, 'kinesalite') });
    meter = await startKinesisMeter(kinesalite.endpoint, (scope, units) => counted.push({ scope, units }));
    const admin = localKinesisClient(kinesalite.endpoint);
    await admin.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 1 }));
    await waitUntilStreamExists({ client: admin, maxWaitTime: 10, minDelay: 0.1 }, { StreamName: STREAM });
    admin.destroy();
  }, 30_000);

  afterAll(async () => {
    await meter?.stop();
    await kinesalite?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('counts one unit per started 25 KB of each record written, under the caller’s scope, and passes the answer on', async () => {
    // Prepare: 25 KB is 25,600 bytes; a 30,000-byte record takes two units, one of 25,599 bytes and a 1-byte key one.
    const kinesis = localKinesisClient(meter.endpointFor('sdp-ingest-local-putEvents'));
    const bytes = (length: number) => new Uint8Array(length).fill(97);

    // Act
    const single = await kinesis.send(
      new PutRecordCommand({ StreamName: STREAM, PartitionKey: 'k', Data: bytes(25_599) }),
    );
    const batch = await kinesis.send(
      new PutRecordsCommand({
        StreamName: STREAM,
        Records: [
          { PartitionKey: 'k', Data: bytes(100) },
          { PartitionKey: 'k', Data: bytes(30_000) },
        ],
      }),
    );
    kinesis.destroy();

    // Assess
    expect(single.SequenceNumber).toMatch(/^\d+$/);
    expect(batch.FailedRecordCount).toBe(0);
    expect(counted).toStrictEqual([
      { scope: 'sdp-ingest-local-putEvents', units: 1 },
      { scope: 'sdp-ingest-local-putEvents', units: 3 },
    ]);
  });
});
