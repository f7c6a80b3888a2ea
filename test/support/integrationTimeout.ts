/**
 * The integration tests' default time limit (Jest reads `testTimeout` from the global config only,
 * so a project sets its own here): two suites share 2 cores with their clouds, so a test without a
 * limit of its own gets 2 minutes.
 */
jest.setTimeout(120_000);
