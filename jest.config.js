/** Unit tests sit beside each package in `tests/`; integration tests that start the local cloud in `test/`. */
const transform = {
  '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
};
// Middy and friends ship ESM only; let SWC turn them into CommonJS for Jest.
const transformIgnorePatterns = ['/node_modules/(?!(@middy|@aws-lambda-powertools|hyparquet|hyparquet-writer)/)'];
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };

export default {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{shared,services/*,local-cloud,load-tests}/tests/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
  ],
};
