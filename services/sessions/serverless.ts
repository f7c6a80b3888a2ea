import {
  allow,
  apiFunction,
  BOT_RATE,
  defineService,
  getAtt,
  kinesisConsumer,
  lambdaFunction,
  kinesisStream,
  param,
  ref,
  table,
  tableChangeConsumer,
} from '../../config/src/index.js';

// A gap this long (seconds) between two of a user's events starts a new session; events more than
// sessionLatenessHours late (event time vs processing time) are set aside (docs/adr/0017-event-time-sessions.md).
const SESSION_GAP_SECONDS = param('sessionGapSeconds', '10');
const SESSION_LATENESS_HOURS = param('sessionLatenessHours', '48');

export default defineService({
  service: 'sdp-sessions',
  functions: [
    kinesisConsumer({
      name: 'sessionizeClickstream',
      description: "Adds clickstream events to their users' event-time sessions, each event exactly once",
      stream: param('clickstreamStreamArn'),
      dropsErasedUsers: true,
      batchSize: 500,
      batchWindow: 0,
      statements: [
        // Reads users' states (BatchGetItem); archives the sessions that leave a state (PutItem), then
        // writes the state with one conditional PutItem (docs/adr/0019-counting-per-batch.md).
        allow(['dynamodb:BatchGetItem', 'dynamodb:PutItem'], getAtt('SessionsTable', 'Arn')),
      ],
      environment: {
        SESSIONS_TABLE_NAME: ref('SessionsTable'),
        SESSION_GAP_SECONDS,
        SESSION_LATENESS_HOURS,
        ...BOT_RATE,
      },
    }),
    tableChangeConsumer({
      name: 'publishSessions',
      description: 'Publishes every new version of a session to the sessions stream',
      table: 'SessionsTable',
      dropsErasedUsers: true,
      statements: [allow(['kinesis:PutRecords'], getAtt('SessionsStream', 'Arn'))],
      environment: { SESSIONS_STREAM_NAME: ref('SessionsStream') },
    }),
    lambdaFunction({
      name: 'eraseUserSessions',
      description: "Removes users' sessions and states (invoked by the ops service's erasure)",
      statements: [
        // A user's items are one partition: queried by user_id, deleted 25 at a time.
        allow(['dynamodb:Query', 'dynamodb:BatchWriteItem'], getAtt('SessionsTable', 'Arn')),
      ],
      timeout: 300,
      environment: { SESSIONS_TABLE_NAME: ref('SessionsTable') },
    }),
    apiFunction({
      name: 'listSessions',
      description: "GET /sessions?user_id=...; a user's sessions in event-time order",
      routes: ['GET /sessions'],
      statements: [allow(['dynamodb:Query'], getAtt('SessionsTable', 'Arn'))],
      environment: { SESSIONS_TABLE_NAME: ref('SessionsTable'), SESSION_GAP_SECONDS },
    }),
  ],
  resources: {
    // A user's sessions by number (`user_id`, `session_no`); item 0 is the user's state: last number
    // given, the recent active sessions with their events' keys, version; the other items are sessions
    // that left it (docs/adr/0017-event-time-sessions.md, docs/adr/0019-counting-per-batch.md). The
    // stream carries both images: publishing compares a state with the one before.
    SessionsTable: table({
      name: 'sessions',
      key: { user_id: 'S', session_no: 'N' },
      stream: 'NEW_AND_OLD_IMAGES',
    }),
    // Every new version of every session (`Session`), partitioned by user_id, for downstream consumers.
    SessionsStream: kinesisStream({ name: 'sessions', shardCount: 1 }),
  },
  outputs: {
    SessionsTableName: ref('SessionsTable'),
    SessionsTableArn: getAtt('SessionsTable', 'Arn'),
    SessionsStreamArn: getAtt('SessionsStream', 'Arn'),
  },
});
