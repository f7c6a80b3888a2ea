import { queryResourcesFromEnv } from '../src/queryResourcesFromEnv.js';

describe('queryResourcesFromEnv', () => {
  it('uses the defaults when nothing is set', () => {
    // Act
    const resources = queryResourcesFromEnv({});

    // Assess
    expect(resources).toStrictEqual({ memoryLimitMb: 512, threads: 2, maxResultBytes: 4_194_304 });
  });

  it('reads each override, empty values meaning the default', () => {
    // Act
    const resources = queryResourcesFromEnv({
      QUERY_MEMORY_LIMIT_MB: '1024',
      QUERY_THREADS: '',
      QUERY_MAX_RESULT_BYTES: '1000000',
    });

    // Assess
    expect(resources).toStrictEqual({ memoryLimitMb: 1024, threads: 2, maxResultBytes: 1_000_000 });
  });

  it.each([
    ['QUERY_MEMORY_LIMIT_MB', '512MB'],
    ['QUERY_THREADS', '0'],
    ['QUERY_MAX_RESULT_BYTES', '1.5'],
  ])('refuses %s=%s and says what to set', (name, value) => {
    // Act / Assess
    expect(() => queryResourcesFromEnv({ [name]: value })).toThrow(
      new RegExp(`^${name} must be a whole number of at least 1, or empty for \\d+, got '${value}'\\.$`),
    );
  });
});
