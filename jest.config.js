/**
 * Unit tests sit beside each package in `tests/` and run in milliseconds; integration tests in `test/`
 * go through the local cloud. The integration suites share one cloud, started by the global setup in
 * a process of its own; suites that kill, freeze or restart parts of a cloud, or need settings or
 * whole tables of their own, start their own (test/support/startTestCloud.ts). The local cloud's own
 * integration tests (`local-cloud/tests/integration/`) run its emulators and its fixture project, not
 * the platform.
 */
const transform = {
  '^.+\\.(t|j|mj)s$': [
    '@swc/jest',
    { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
  ],
};
// Middy and friends ship ESM only; let SWC turn them into CommonJS for Jest.
const transformIgnorePatterns = ['/node_modules/(?!(@middy|@aws-lambda-powertools|hyparquet|hyparquet-writer)/)'];
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };

export default {
  // Both cores: most integration time is spent waiting on emulators, so two suites at once fill the machine.
  maxWorkers: 2,
  reporters: ['default', ['<rootDir>/test/support/slowestSuitesReporter.js', { count: 12 }]],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{shared/*,services/*,local-cloud,tools/*,load-tests,config}/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/local-cloud/tests/integration/'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/integrationTimeout.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
    {
      displayName: 'local-cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/local-cloud/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/local-cloud/tests/integration/integrationTimeout.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
  ],
};
