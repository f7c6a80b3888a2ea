import type { KinesisStreamEvent } from 'aws-lambda';
import { readKinesisRecords } from '../src/streams/readKinesisRecords.js';

describe('readKinesisRecords', () => {
  it('decodes each record and takes its shard from the event id', () => {
    // Prepare
    const event = {
      Records: [
        {
          eventID: 'shardId-000000000003:4968001',
          kinesis: { sequenceNumber: '4968001', data: Buffer.from('{"a":"é"}').toString('base64') },
        },
      ],
    } as unknown as KinesisStreamEvent;

    // Act / Assess
    expect(readKinesisRecords(event)).toStrictEqual([
      { shardId: 'shardId-000000000003', sequenceNumber: '4968001', data: '{"a":"é"}' },
    ]);
  });
});
