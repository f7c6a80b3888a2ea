/**
 * The local cloud's integration tests start real emulators (DynamoDB Local is a JVM): a test without a
 * limit of its own gets 2 minutes, as two suites may share 2 cores.
 */
jest.setTimeout(120_000);
