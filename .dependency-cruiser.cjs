/* global module -- a CommonJS file: dependency-cruiser reads its configuration with require */
/**
 * The platform's boundaries, checked by `npm run lint` (docs/architecture.md, "Boundaries"):
 * services find each other only through outputs, streams, APIs and each other's public module
 * (`services/<svc>/src/index.ts`, `@sdp/<svc>`); the local cloud is used through its public entry;
 * unit tests need nothing of the integration tests. `npx depcruise --config .dependency-cruiser.cjs .`
 * names every import that crosses one.
 */

/** The one public module of a service: the item schemas of the tables others read, and what is deliberately public for benchmarks and tests. */
const SERVICE_PUBLIC_MODULE = '^services/[^/]+/src/index\\.ts$';

/** The local cloud's public entry (local-cloud/package.json "exports"; the eslint rule in eslint.config.js says the same). */
const LOCAL_CLOUD_PUBLIC_ENTRY = '^local-cloud/src/index\\.ts$';

/** A shared package's one public module. */
const SHARED_PACKAGE_INDEX = '^shared/[^/]+/src/index\\.ts$';

/** Unit tests (every Jest "unit" project folder, jest.config.js) and the fixtures they share with the integration tests. */
const UNIT_TESTS = '^((shared/[^/]+|services/[^/]+|local-cloud|tools/[^/]+|load-tests|config)/tests/|fixtures/)';

module.exports = {
  forbidden: [
    {
      name: 'service-internals',
      comment:
        "A service imports another service only through its public module, services/<svc>/src/index.ts ('@sdp/<svc>'): " +
        'its handlers, domain, adapters, tests and scripts are its own (docs/architecture.md, "Boundaries").',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/[^/]+/', pathNot: ['^services/$1/', SERVICE_PUBLIC_MODULE] },
    },
    {
      name: 'local-cloud-internals',
      comment:
        "Outside local-cloud/, the local cloud is imported only through its public entry, '@sdp/local-cloud' " +
        '(local-cloud/src/index.ts); the eslint rule in eslint.config.js says the same.',
      severity: 'error',
      from: { pathNot: '^local-cloud/' },
      to: { path: '^local-cloud/', pathNot: LOCAL_CLOUD_PUBLIC_ENTRY },
    },
    {
      name: 'local-cloud-is-generic',
      comment:
        'The local cloud emulates AWS for any Serverless project: it imports nothing of this platform ' +
        '(its services, tests, benchmarks or tools). What is specific to the platform plugs in through hooks (tools/local).',
      severity: 'error',
      from: { path: '^local-cloud/' },
      to: { path: '^(services|test|bench|load-tests|tools)/' },
    },
    {
      name: 'unit-tests-without-integration-support',
      comment:
        'Unit tests run alone, in milliseconds: they import nothing from the integration tests and their support (test/). ' +
        'Seeded workloads and oracles that both use live in fixtures/.',
      severity: 'error',
      from: { path: UNIT_TESTS },
      to: { path: '^test/' },
    },
    {
      name: 'harness-through-public-modules',
      comment:
        'Integration tests, benchmarks, load tests, tools and fixtures reach a service through its public module, ' +
        'services/<svc>/src/index.ts, or through the running platform (APIs, streams, outputs), never into its internals.',
      severity: 'error',
      from: { path: '^(test|bench|load-tests|tools|fixtures)/' },
      to: { path: '^services/[^/]+/', pathNot: SERVICE_PUBLIC_MODULE },
    },
    {
      name: 'shared-is-a-library',
      comment:
        'The shared packages (shared/<concern>, @sdp/shared-<concern>) are below every service: they import no service, ' +
        'no local cloud and no test support.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(services|local-cloud|test|bench|load-tests|tools)/' },
    },
    {
      name: 'shared-packages-through-their-index',
      comment:
        "A shared package imports another only by its name ('@sdp/shared-<concern>', shared/<concern>/src/index.ts), " +
        'so what it uses of the other is declared in its package.json and published by the other.',
      severity: 'error',
      from: { path: '^shared/([^/]+)/' },
      to: { path: '^shared/[^/]+/', pathNot: ['^shared/$1/', SHARED_PACKAGE_INDEX] },
    },
    {
      name: 'shared-packages-through-their-index-elsewhere',
      comment:
        "Outside shared/, a shared package is imported by its name ('@sdp/shared-<concern>'), never into its files.",
      severity: 'error',
      from: { pathNot: '^shared/' },
      to: { path: '^shared/[^/]+/src/', pathNot: SHARED_PACKAGE_INDEX },
    },
    {
      name: 'shared-layers',
      comment:
        'The contract and the runtime are the bottom layer: they import no other shared package, ' +
        'so every package may use them without a cycle.',
      severity: 'error',
      from: { path: '^shared/(contract|runtime)/' },
      to: { path: '^shared/', pathNot: '^shared/(contract|runtime)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        "An import that does not resolve (a deep '@sdp/<svc>/…' path a package's \"exports\" does not declare, a typo) hides what it crosses.",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: '(^|/)(node_modules|\\.esbuild|\\.serverless|\\.data|dist)/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports couple as much as value imports.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
