import { allow, apiFunction, defineService, getAtt, kinesisStream, param, ref } from '../../config/src/index.js';

// putRecordsReliably writes one record or many with PutRecords.
const writeRawEvents = allow(['kinesis:PutRecords'], getAtt('RawEventsStream', 'Arn'));
const rawEvents = { RAW_EVENTS_STREAM_NAME: ref('RawEventsStream') };
const writeClickstream = allow(['kinesis:PutRecords'], getAtt('ClickstreamStream', 'Arn'));
const clickstream = { CLICKSTREAM_STREAM_NAME: ref('ClickstreamStream') };

export default defineService({
  service: 'sdp-ingest',
  functions: [
    apiFunction({
      name: 'putEvent',
      description: 'POST /bid, /impression and /click; one event to the raw events stream',
      routes: ['POST /bid', 'POST /impression', 'POST /click'],
      statements: [writeRawEvents],
      environment: rawEvents,
    }),
    apiFunction({
      name: 'putEvents',
      description: 'POST /events; up to 500 mixed events with PutRecords',
      routes: ['POST /events'],
      statements: [writeRawEvents],
      environment: rawEvents,
    }),
    apiFunction({
      name: 'putClickstream',
      description: 'POST /clickstream; one website clickstream event or up to 500 to the clickstream stream',
      routes: ['POST /clickstream'],
      statements: [writeClickstream],
      environment: clickstream,
    }),
    apiFunction({
      name: 'importEvents',
      description: 'POST /import; up to 500 historical ad and clickstream events, each with its own event time',
      routes: ['POST /import'],
      statements: [writeRawEvents, writeClickstream],
      environment: {
        ...rawEvents,
        ...clickstream,
        // Within this age every consumer still recognises an event it counted (sessions' lateness and
        // enrich's join state keep 48 h by default), so a re-import adds nothing; README "Importing history".
        IMPORT_MAX_AGE_HOURS: param('importMaxAgeHours', 47),
      },
    }),
  ],
  resources: {
    RawEventsStream: kinesisStream({ name: 'raw-events', shardCount: param('rawEventsShardCount', 2) }),
    // Website clickstream events (sessions, product analytics, pricing), partitioned by user_id.
    ClickstreamStream: kinesisStream({ name: 'clickstream', shardCount: param('clickstreamShardCount', 2) }),
  },
  outputs: {
    ClickstreamStreamArn: getAtt('ClickstreamStream', 'Arn'),
    ClickstreamStreamName: ref('ClickstreamStream'),
    RawEventsStreamArn: getAtt('RawEventsStream', 'Arn'),
    RawEventsStreamName: ref('RawEventsStream'),
  },
});
